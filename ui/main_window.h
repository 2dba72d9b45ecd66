#pragma once
// The first window: the lessons on the left, the script in the middle, the
// console below. Panels are dock widgets so the stage and the timeline can
// be added beside them later without touching this layout.

#include "core/run/runner.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace aw::ui {

class CodeEditor;
class ConsoleView;
class LessonList;
class RecentFiles;
class ScriptRunner;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Restores geometry, panels, zoom and the last script from QSettings.
    void restoreSession();

    bool openFile(const QString& path);      // a .py on disk; reports failures in a dialog
    bool loadLesson(const QString& folder);  // "05-tasks-gather"
    bool saveFile(const QString& path);

    CodeEditor* editor() const { return m_editor; }
    ConsoleView* console() const { return m_console; }
    LessonList* lessonList() const { return m_lessons; }
    ScriptRunner* runner() const { return m_runner; }
    QAction* runAction() const { return m_runAction; }
    QAction* stopAction() const { return m_stopAction; }

    // The name runs and tracebacks use: the file's name, "NN-slug.py" for a lesson.
    QString scriptName() const;

public slots:
    void runScript();
    void stopScript();

signals:
    void runFinished();  // after a run's result is shown (tests and --screenshot wait on it)

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void newFile();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void setSource(const QString& text, const QString& filePath, const QString& lessonFolder);
    void updateTitle();
    void applyZoom(int zoom);
    void showShortcuts();
    void onRunFinished(const run::RunResult& result, const QString& filename, const std::string& source, qint64 wallMs);
    void markRuntimeError(const run::RunResult& result, const QString& filename);
    void saveSession();

    CodeEditor* m_editor = nullptr;
    ConsoleView* m_console = nullptr;
    LessonList* m_lessons = nullptr;
    ScriptRunner* m_runner = nullptr;
    RecentFiles* m_recent = nullptr;
    QDockWidget* m_lessonDock = nullptr;
    QDockWidget* m_consoleDock = nullptr;
    QLabel* m_runState = nullptr;

    QString m_filePath;      // the script's file on disk, empty for a lesson or a new script
    QString m_lessonFolder;  // the lesson shown, empty otherwise
    int m_zoom = 0;          // steps above/below the default font sizes

    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_cutAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_selectAllAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_zoomResetAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QMenu* m_recentMenu = nullptr;
};

}  // namespace aw::ui
