#pragma once
// The window: the script (QScintilla) and the console on the left, the stage
// in the middle, the timeline under it, the lesson text and the lesson list on
// the right, the transport bar on top. Everything shows one step of one run:
// the StepCursor says which, and every view follows it (showStep).
//
// The parts live in several files: this one builds the window and handles
// files and lessons; ui/window/main_window_actions.cpp the actions and menus;
// ui/window/main_window_run.cpp runs, interventions and showing a step;
// ui/window/main_window_settings.cpp settings, theme, zoom and autosave.

#include "core/model/state.h"
#include "ui/paint/palette.h"

#include <QMainWindow>

#include <memory>
#include <optional>
#include <utility>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QToolButton;

namespace aw::ui {

class AppSettings;
class AutosaveTimer;
class CodeEditor;
class ConsoleView;
class EditStore;
class LessonList;
class LessonTextView;
class Playback;
class RecentFiles;
class RunController;
class StageView;
class StepCursor;
class TimelineView;
class TransportBar;
struct FinishedRun;
struct RunIntent;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Restores geometry, panels, theme, zoom, speed and the last script.
    void restoreSession();
    // `awaitscope --budget EVENTS`: this session's runs use it instead of the saved setting.
    void setStepBudgetOverride(uint64_t events) { m_budgetOverride = events; }
    // Presentation layout (F10): hide the script, console and lesson panels so
    // the stage gets the room a projector's large type needs; off restores them.
    void setPresentationLayout(bool on);

    bool openFile(const QString& path);      // a .py on disk; reports failures in a dialog
    bool loadLesson(const QString& folder);  // "05-tasks-gather" (restores the user's autosaved edits)
    bool saveFile(const QString& path);

    CodeEditor* editor() const { return m_editor; }
    ConsoleView* console() const { return m_console; }
    LessonList* lessonList() const { return m_lessons; }
    StageView* stage() const { return m_stage; }
    TimelineView* timeline() const { return m_timeline; }
    LessonTextView* lessonText() const { return m_lessonText; }
    TransportBar* transport() const { return m_transport; }
    StepCursor* cursor() const { return m_cursor; }
    Playback* playback() const { return m_playback; }
    RunController* runController() const { return m_runs; }
    QDockWidget* lessonDock() const { return m_lessonDock; }
    QAction* runAction() const { return m_runAction; }
    QAction* stopAction() const { return m_stopAction; }
    QAction* interruptAction() const { return m_interruptAction; }
    QAction* revertAction() const { return m_revertAction; }
    QAction* exportAction() const { return m_exportAction; }

    // The run shown (null before the first run).
    const std::shared_ptr<const FinishedRun>& currentRun() const { return m_run; }
    ThemeId theme() const { return m_theme; }

    // The name runs and tracebacks use: the file's name, "NN-slug.py" for a lesson.
    QString scriptName() const;

public slots:
    void runScript();                   // Run (Ctrl+R): a re-run keeps the step shown where it can
    void stopScript();
    void interruptHere();               // Ctrl+C at the clock shown
    void cancelTaskHere(uint32_t taskId);   // cancel that task at the step shown
    void runWithInterrupt(double at);   // a run with Ctrl+C at `at` that lands where it is delivered
    void setTheme(ThemeId theme);
    void revertLesson();

signals:
    void runFinished();  // after a run's result is shown (tests and --screenshot wait on it)

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // main_window.cpp
    void createDocks();
    QDockWidget* addDock(QWidget* widget, const QString& title, const QString& name, Qt::DockWidgetArea area);
    void newFile();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void setSource(const QString& text, const QString& filePath, const QString& lessonFolder);
    void updateTitle();
    // main_window_actions.cpp
    void createActions();
    void createMenus();
    void createToolBars();
    void showShortcuts();
    void exportView();
    void editSettings();
    // main_window_run.cpp
    void startRun(const RunIntent& intent, std::optional<double> interruptAt = {},
                  std::optional<std::pair<uint32_t, model::Step>> cancelTask = {});
    void onRunFinished(std::shared_ptr<const FinishedRun> run, model::Step landing, const QString& note);
    void showStep(model::Step step, model::Step previous);
    void markRuntimeError(const FinishedRun& run);
    void setRunning(bool running);
    // main_window_settings.cpp
    void applyZoom(int zoom);
    void saveSession();
    void scheduleAutosave();
    void restoreLessonEdits();

    CodeEditor* m_editor = nullptr;
    ConsoleView* m_console = nullptr;
    LessonList* m_lessons = nullptr;
    LessonTextView* m_lessonText = nullptr;
    StageView* m_stage = nullptr;
    TimelineView* m_timeline = nullptr;
    TransportBar* m_transport = nullptr;
    StepCursor* m_cursor = nullptr;
    Playback* m_playback = nullptr;
    RunController* m_runs = nullptr;
    RecentFiles* m_recent = nullptr;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<EditStore> m_edits;
    AutosaveTimer* m_autosave = nullptr;
    QDockWidget* m_editorDock = nullptr;
    QDockWidget* m_consoleDock = nullptr;
    QDockWidget* m_lessonDock = nullptr;
    QDockWidget* m_lessonTextDock = nullptr;
    QDockWidget* m_timelineDock = nullptr;
    QLabel* m_runState = nullptr;
    QToolButton* m_stopButton = nullptr;

    std::shared_ptr<const FinishedRun> m_run;   // the run shown
    QString m_filePath;      // the script's file on disk, empty for a lesson or a new script
    QString m_lessonFolder;  // the lesson shown, empty otherwise
    QString m_original;      // the lesson's own text (to revert to, and to tell an edit from none)
    bool m_settingSource = false;   // setSource is filling the editor: not a user's edit
    int m_zoom = 0;          // points above/below the default font sizes
    ThemeId m_theme = ThemeId::Light;
    Palette m_palette = paletteFor(ThemeId::Light);

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_revertAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_cutAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_selectAllAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_interruptAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_zoomResetAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_presentAction = nullptr;
    QByteArray m_layoutBeforePresenting;   // the docks as they were, restored when presenting ends
    QAction* m_shortcutsAction = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QMenu* m_recentMenu = nullptr;
    std::optional<uint64_t> m_budgetOverride;
};

}  // namespace aw::ui
