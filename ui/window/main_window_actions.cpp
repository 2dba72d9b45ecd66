// MainWindow's actions, menus and tool bars. Every action has a shortcut,
// and its tooltip and menu entry show it (F1 lists them all).

#include "ui/main_window.h"

#include "ui/code_editor.h"
#include "ui/export/export_dialog.h"
#include "ui/recent_files.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"
#include "ui/stage/stage_view.h"
#include "ui/transport/playback.h"
#include "ui/transport/step_cursor.h"
#include "ui/transport/transport_bar.h"
#include "ui/window/action_text.h"
#include "ui/window/run_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace aw::ui {

namespace {

QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

}  // namespace

void MainWindow::createActions() {
    auto make = [this](const QString& text, const QString& tip, QKeySequence key, auto slot) {
        auto* action = new QAction(text, this);
        action->setStatusTip(tip);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);  // shortcuts work with the menu bar hidden (full screen)
        return action;
    };

    m_newAction = make(tr("&New"), tr("Start an empty script"), QKeySequence::New, [this] { newFile(); });
    m_newAction->setIcon(icon("new"));
    m_openAction = make(tr("&Open…"), tr("Open a Python script"), QKeySequence::Open, [this] { open(); });
    m_openAction->setIcon(icon("open"));
    m_saveAction = make(tr("&Save"), tr("Save the script"), QKeySequence::Save, [this] { save(); });
    m_saveAction->setIcon(icon("save"));
    m_saveAsAction = make(tr("Save &As…"), tr("Save the script under a new name"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { saveAs(); });
    m_exportAction = make(tr("&Export…"), tr("Save the stage or the timeline as an image or a PDF"),
                          QKeySequence(Qt::CTRL | Qt::Key_E), [this] { exportView(); });
    m_revertAction = make(tr("Re&vert Lesson to Original"), tr("Throw away your edits to this lesson"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { revertLesson(); });
    m_settingsAction = make(tr("Se&ttings…"), tr("Theme, playback speed, animation and step budget"),
                            QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { editSettings(); });
    m_quitAction = make(tr("&Quit"), tr("Quit Awaitscope"), QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });

    m_undoAction = make(tr("&Undo"), tr("Undo the last edit"), QKeySequence::Undo, [this] { m_editor->undo(); });
    m_redoAction = make(tr("&Redo"), tr("Redo the edit undone"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                        [this] { m_editor->redo(); });
    m_cutAction = make(tr("Cu&t"), tr("Cut the selection"), QKeySequence::Cut, [this] { m_editor->cut(); });
    // Ctrl+C is Interrupt, as in a terminal; with text selected the editor and
    // the console still copy on Ctrl+C themselves.
    m_copyAction = make(tr("&Copy"), tr("Copy the selection (Ctrl+C copies too when text is selected)"),
                        QKeySequence(Qt::CTRL | Qt::Key_Insert), [this] { m_editor->copy(); });
    m_pasteAction = make(tr("&Paste"), tr("Paste"), QKeySequence::Paste, [this] { m_editor->paste(); });
    m_selectAllAction = make(tr("Select &All"), tr("Select the whole script"), QKeySequence::SelectAll,
                             [this] { m_editor->selectAll(); });

    m_runAction = make(tr("&Run"), tr("Run the script (again: keeps the step shown)"),
                       QKeySequence(Qt::CTRL | Qt::Key_R), [this] { runScript(); });
    m_runAction->setIcon(icon("run"));
    m_stopAction =
        make(tr("S&top"), tr("Stop the run"), QKeySequence(Qt::CTRL | Qt::Key_Period), [this] { stopScript(); });
    m_stopAction->setIcon(icon("stop"));
    m_interruptAction = make(tr("&Interrupt Here"), tr("Run again with Ctrl+C pressed at the clock shown"),
                             QKeySequence(Qt::CTRL | Qt::Key_C), [this] { interruptHere(); });

    m_zoomInAction = make(tr("Zoom &In"), tr("Larger text"), QKeySequence::ZoomIn, [this] { applyZoom(m_zoom + 1); });
    m_zoomInAction->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomOutAction =
        make(tr("Zoom &Out"), tr("Smaller text"), QKeySequence::ZoomOut, [this] { applyZoom(m_zoom - 1); });
    m_zoomResetAction =
        make(tr("&Reset Zoom"), tr("Default text size"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { applyZoom(0); });
    m_fullScreenAction = make(tr("&Full Screen"), tr("Fill the screen (for a projector)"), QKeySequence::FullScreen,
                              [this](bool on) { on ? showFullScreen() : showNormal(); });
    m_fullScreenAction->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence::FullScreen});
    m_fullScreenAction->setCheckable(true);
    m_presentAction = make(tr("&Presentation Layout"),
                           tr("Only the stage, the timeline and the transport: for a projector"),
                           QKeySequence(Qt::Key_F10), [this](bool on) { setPresentationLayout(on); });
    m_presentAction->setCheckable(true);
    m_shortcutsAction = make(tr("&Keyboard Shortcuts"), tr("List every shortcut, and the version"),
                             QKeySequence::HelpContents, [this] { showShortcuts(); });

    m_themeGroup = new QActionGroup(this);
    const std::pair<ThemeId, QString> themes[] = {{ThemeId::Light, tr("&Light")},
                                                  {ThemeId::Dark, tr("&Dark")},
                                                  {ThemeId::Projector, tr("&Projector (high contrast, large)")}};
    const Qt::Key themeKeys[] = {Qt::Key_L, Qt::Key_D, Qt::Key_P};
    for (int i = 0; i < 3; ++i) {
        const ThemeId id = themes[i].first;
        QAction* action = make(themes[i].second, tr("Use the %1 theme").arg(themeName(id)),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | themeKeys[i]), [this, id] { setTheme(id); });
        action->setCheckable(true);
        action->setData(themeName(id));
        m_themeGroup->addAction(action);
    }

    // The dock panels' own show/hide actions get shortcuts too.
    const std::pair<QDockWidget*, QString> docks[] = {{m_lessonDock, tr("&Lessons")},  {m_consoleDock, tr("&Console")},
                                                      {m_timelineDock, tr("&Timeline")}, {m_lessonTextDock, tr("Lesson &Text")},
                                                      {m_editorDock, tr("&Script")}};
    int key = Qt::Key_1;
    for (const auto& [dock, text] : docks) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setText(text);
        toggle->setStatusTip(tr("Show or hide the %1 panel").arg(dock->windowTitle().toLower()));
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(key++)));
        addAction(toggle);
    }

    m_transport = new TransportBar(m_cursor, m_playback, this);
    for (QAction* action : m_transport->menuActions()) {
        if (action)
            addAction(action);
    }

    for (QAction* action : actions())
        showShortcutInTooltip(action);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(m_recentMenu, this);
    connect(m_recent, &RecentFiles::fileChosen, this, [this](const QString& path) {
        if (maybeSave())
            openFile(path);
    });
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_revertAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_cutAction);
    edit->addAction(m_copyAction);
    edit->addAction(m_pasteAction);
    edit->addAction(m_selectAllAction);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_stopAction);
    run->addSeparator();
    run->addAction(m_interruptAction);

    QMenu* step = menuBar()->addMenu(tr("&Step"));
    for (QAction* action : m_transport->menuActions()) {
        if (action)
            step->addAction(action);
        else
            step->addSeparator();
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_editorDock->toggleViewAction());
    view->addAction(m_consoleDock->toggleViewAction());
    view->addAction(m_timelineDock->toggleViewAction());
    view->addAction(m_lessonTextDock->toggleViewAction());
    view->addAction(m_lessonDock->toggleViewAction());
    view->addSeparator();
    QMenu* theme = view->addMenu(tr("T&heme"));
    theme->addActions(m_themeGroup->actions());
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomResetAction);
    view->addSeparator();
    view->addAction(m_fullScreenAction);
    view->addAction(m_presentAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    for (QMenu* menu : {file, edit, run, step, view, theme, help})
        menu->setToolTipsVisible(true);
}

void MainWindow::createToolBars() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_runAction);
    bar->addAction(m_stopAction);
    bar->addAction(m_interruptAction);
    bar->addSeparator();
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addAction(m_exportAction);
    addToolBar(Qt::TopToolBarArea, m_transport);
}

void MainWindow::exportView() {
    if (!m_run || !m_run->index || m_run->index->empty()) {
        statusBar()->showMessage(tr("Run the script first (Ctrl+R): there is nothing to export yet"), 6000);
        return;
    }
    const QString title = m_lessonFolder.isEmpty() ? scriptName() : m_lessonFolder;
    ExportDialog dialog(*m_run->index, m_cursor->step(), title, this);
    dialog.exec();
}

void MainWindow::editSettings() {
    if (auto chosen = SettingsDialog::ask(this, m_settings->preferences())) {
        m_settings->setPreferences(*chosen);
        setTheme(chosen->theme);
        m_playback->setSpeed(chosen->speed);
        m_stage->setAnimationMs(chosen->animationEnabled ? chosen->animationDurationMs : 0);
    }
}

void MainWindow::showShortcuts() {
    QString rows;
    for (const QAction* action : actions()) {
        if (action->shortcut().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText).toHtmlEscaped());
        rows += QStringLiteral("<tr><td>%1</td><td style='padding-left:24px'><b>%2</b></td></tr>")
                    .arg(plainActionText(action).toHtmlEscaped(), keys.join(QStringLiteral(", ")));
    }
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard Shortcuts"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setText(tr("<h3>Awaitscope %1</h3><p>Watch Python's asyncio event loop at work.</p><table>%2</table>")
                    .arg(QCoreApplication::applicationVersion(), rows));
    box.exec();
}

}  // namespace aw::ui
