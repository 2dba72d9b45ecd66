#include "ui/main_window.h"

#include "ui/code_editor.h"
#include "ui/console_view.h"
#include "ui/lesson_list.h"
#include "ui/recent_files.h"
#include "ui/script_file.h"
#include "ui/script_runner.h"
#include "ui/theme.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>

namespace aw::ui {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kFileKey = QStringLiteral("session/file");
const QString kLessonKey = QStringLiteral("session/lesson");
const QString kZoomKey = QStringLiteral("view/zoom");
const QString kDirKey = QStringLiteral("session/directory");

constexpr int kMinZoom = -4;
constexpr int kMaxZoom = 24;
constexpr int kConsolePointSize = 11;

QString plainText(const QAction* action) {
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

// "Run (Ctrl+R)": every action's tooltip names its shortcut, so hovering teaches the keyboard.
void showShortcutInTooltip(QAction* action) {
    const QString tip = action->statusTip().isEmpty() ? plainText(action) : action->statusTip();
    if (action->shortcut().isEmpty())
        action->setToolTip(tip);
    else
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText)));
}

QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(icon("awaitscope"));
    setDockNestingEnabled(true);
    // Lessons run the full height on the left; the console sits under the editor only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);

    m_editor = new CodeEditor(this);
    m_editor->setObjectName(QStringLiteral("editor"));
    setCentralWidget(m_editor);

    m_runner = new ScriptRunner(this);
    connect(m_runner, &ScriptRunner::finished, this, &MainWindow::onRunFinished);

    createDocks();
    createActions();
    createMenus();
    createToolBar();

    m_runState = new QLabel(tr("Ready"), this);
    m_runState->setContentsMargins(8, 0, 8, 0);
    auto* position = new QLabel(this);
    position->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(position);
    statusBar()->addPermanentWidget(m_runState);
    connect(m_editor, &QsciScintilla::cursorPositionChanged, position,
            [position](int line, int index) { position->setText(tr("Ln %1, Col %2").arg(line + 1).arg(index + 1)); });

    connect(m_runner, &ScriptRunner::runningChanged, this, [this](bool running) {
        m_runAction->setEnabled(!running);
        m_stopAction->setEnabled(running);
        m_runState->setText(running ? tr("Running…") : tr("Ready"));
    });
    m_stopAction->setEnabled(false);

    connect(m_editor, &QsciScintilla::modificationChanged, this, &QWidget::setWindowModified);
    connect(m_lessons, &LessonList::lessonChosen, this, [this](const Lesson& lesson) {
        if (lesson.folder != m_lessonFolder || m_editor->isModified())
            loadLesson(lesson.folder);
    });

    resize(1280, 800);
    resizeDocks({m_lessonDock}, {330}, Qt::Horizontal);
    resizeDocks({m_consoleDock}, {260}, Qt::Vertical);
    applyZoom(0);
    setSource(QString(), QString(), QString());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    m_lessons = new LessonList(this);
    m_lessons->setObjectName(QStringLiteral("lessons"));
    m_lessonDock = new QDockWidget(tr("Lessons"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setWidget(m_lessons);
    addDockWidget(Qt::LeftDockWidgetArea, m_lessonDock);

    m_console = new ConsoleView(this);
    m_console->setObjectName(QStringLiteral("console"));
    m_consoleDock = new QDockWidget(tr("Console"), this);
    m_consoleDock->setObjectName(QStringLiteral("consoleDock"));
    m_consoleDock->setWidget(m_console);
    addDockWidget(Qt::BottomDockWidgetArea, m_consoleDock);
}

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
    m_quitAction = make(tr("&Quit"), tr("Quit Awaitscope"), QKeySequence(Qt::CTRL | Qt::Key_Q), [this] { close(); });

    m_undoAction = make(tr("&Undo"), tr("Undo the last edit"), QKeySequence::Undo, [this] { m_editor->undo(); });
    m_redoAction = make(tr("&Redo"), tr("Redo the edit undone"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                        [this] { m_editor->redo(); });
    m_cutAction = make(tr("Cu&t"), tr("Cut the selection"), QKeySequence::Cut, [this] { m_editor->cut(); });
    m_copyAction = make(tr("&Copy"), tr("Copy the selection"), QKeySequence::Copy, [this] { m_editor->copy(); });
    m_pasteAction = make(tr("&Paste"), tr("Paste"), QKeySequence::Paste, [this] { m_editor->paste(); });
    m_selectAllAction = make(tr("Select &All"), tr("Select the whole script"), QKeySequence::SelectAll,
                             [this] { m_editor->selectAll(); });

    m_runAction = make(tr("&Run"), tr("Run the script"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] { runScript(); });
    m_runAction->setIcon(icon("run"));
    m_stopAction =
        make(tr("S&top"), tr("Stop the run"), QKeySequence(Qt::CTRL | Qt::Key_Period), [this] { stopScript(); });
    m_stopAction->setIcon(icon("stop"));

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
    m_shortcutsAction = make(tr("&Keyboard Shortcuts"), tr("List every shortcut, and the version"),
                             QKeySequence::HelpContents, [this] { showShortcuts(); });

    // The dock panels' own show/hide actions get shortcuts too.
    QAction* lessonsToggle = m_lessonDock->toggleViewAction();
    lessonsToggle->setText(tr("&Lessons"));
    lessonsToggle->setStatusTip(tr("Show or hide the lessons"));
    lessonsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    addAction(lessonsToggle);
    QAction* consoleToggle = m_consoleDock->toggleViewAction();
    consoleToggle->setText(tr("&Console"));
    consoleToggle->setStatusTip(tr("Show or hide the console"));
    consoleToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    addAction(consoleToggle);

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
    file->addSeparator();
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

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_lessonDock->toggleViewAction());
    view->addAction(m_consoleDock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_zoomResetAction);
    view->addSeparator();
    view->addAction(m_fullScreenAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    for (QMenu* menu : {file, edit, run, view, help})
        menu->setToolTipsVisible(true);
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_runAction);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    bar->addAction(m_newAction);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
}

QString MainWindow::scriptName() const {
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_lessonFolder.isEmpty())
        return m_lessonFolder + QStringLiteral(".py");
    return QStringLiteral("untitled.py");
}

void MainWindow::setSource(const QString& text, const QString& filePath, const QString& lessonFolder) {
    m_editor->clearErrors();
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    m_editor->setText(normalized);
    m_editor->setModified(false);
    m_editor->setCursorPosition(0, 0);
    m_filePath = filePath;
    m_lessonFolder = lessonFolder;
    m_lessons->markCurrent(lessonFolder);
    updateTitle();
}

void MainWindow::updateTitle() {
    QString name = scriptName();
    if (!m_lessonFolder.isEmpty())
        name = tr("Lesson %1").arg(m_lessonFolder);
    setWindowTitle(QStringLiteral("%1[*] — Awaitscope").arg(name));
    setWindowModified(m_editor->isModified());
}

bool MainWindow::loadLesson(const QString& folder) {
    if (m_editor->isModified() && !maybeSave()) {
        m_lessons->markCurrent(m_lessonFolder);
        return false;
    }
    const Lesson lesson{folder, {}};
    const ScriptFile script = readScriptFile(lesson.scriptPath());
    if (!script.ok)
        return false;
    setSource(QString::fromStdString(script.source), QString(), folder);
    statusBar()->showMessage(tr("Lesson %1 — press Ctrl+R to run it").arg(folder), 5000);
    return true;
}

bool MainWindow::openFile(const QString& path) {
    const ScriptFile script = readScriptFile(path);
    if (!script.ok) {
        QMessageBox::warning(this, tr("Cannot open the script"),
                             tr("%1 %2.").arg(QDir::toNativeSeparators(path), script.error));
        return false;
    }
    setSource(QString::fromStdString(script.source), QFileInfo(path).absoluteFilePath(), QString());
    m_recent->add(path);
    QSettings().setValue(kDirKey, QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::saveFile(const QString& path) {
    QSaveFile file(path);  // written beside, renamed over: a crash never leaves half a script
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Cannot save the script"),
                             tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    QByteArray bytes = m_editor->text().toUtf8();
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes.append('\n');
    file.write(bytes);
    if (!file.commit()) {
        QMessageBox::warning(this, tr("Cannot save the script"),
                             tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_lessonFolder.clear();
    m_lessons->markCurrent(QString());
    m_editor->setModified(false);
    m_recent->add(m_filePath);
    QSettings().setValue(kDirKey, QFileInfo(path).absolutePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::newFile() {
    if (maybeSave())
        setSource(QString(), QString(), QString());
}

void MainWindow::open() {
    if (!maybeSave())
        return;
    const QString dir =
        QSettings().value(kDirKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a script"), dir, tr("Python scripts (*.py);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save() {
    if (m_filePath.isEmpty())
        return saveAs();  // a lesson or a new script has no file of its own yet
    return saveFile(m_filePath);
}

bool MainWindow::saveAs() {
    const QString dir =
        QSettings().value(kDirKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).toString();
    const QString suggested = m_filePath.isEmpty() ? QDir(dir).filePath(scriptName()) : m_filePath;
    QString path = QFileDialog::getSaveFileName(this, tr("Save the script"), suggested, tr("Python scripts (*.py)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".py");
    return saveFile(path);
}

bool MainWindow::maybeSave() {
    if (!m_editor->isModified())
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"), tr("%1 has changes. Save them?").arg(scriptName()),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::runScript() {
    if (m_runner->isRunning())
        return;
    m_editor->clearErrors();
    m_console->clear();
    const QString name = scriptName();
    m_console->appendNote(tr("Running %1 …").arg(name));
    m_runner->start(m_editor->text().toStdString(), name);
}

void MainWindow::stopScript() {
    if (!m_runner->isRunning())
        return;
    m_runner->stop();
    m_console->appendWarning(tr("Stopped."));
    statusBar()->showMessage(tr("Run stopped"), 5000);
}

void MainWindow::onRunFinished(const run::RunResult& result, const QString& filename, const std::string& source,
                               qint64 wallMs) {
    m_console->appendRun(result, filename, source, wallMs);
    // Marks point into the text that ran; if it was edited meanwhile they would point at the wrong place.
    const bool sameText = m_editor->text().toStdString() == source;
    if (result.syntaxError) {
        const auto& e = *result.syntaxError;
        if (sameText)
            m_editor->showError(e.line, e.col, e.endCol, QString::fromStdString(e.type + ": " + e.message));
        statusBar()->showMessage(tr("%1 on line %2").arg(QString::fromStdString(e.type)).arg(e.line), 8000);
    } else if (!result.exceptionType.empty()) {
        if (sameText)
            markRuntimeError(result, filename);
        statusBar()->showMessage(tr("The script ended with %1").arg(QString::fromStdString(result.exceptionType)),
                                 8000);
    } else {
        statusBar()->showMessage(tr("Finished: %n line(s) printed", nullptr, int(result.lines.size())), 8000);
    }
    emit runFinished();
}

void MainWindow::markRuntimeError(const run::RunResult& result, const QString& filename) {
    // The innermost frame of the script itself: the last `File "<name>", line N` of the traceback.
    static const QRegularExpression frame(QStringLiteral(R"re(File "([^"]*)", line (\d+))re"));
    int line = 0;
    auto it = frame.globalMatch(QString::fromStdString(result.traceback));
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.captured(1) == filename)
            line = match.captured(2).toInt();
    }
    if (line < 1 || line > m_editor->lines())
        return;
    const QByteArray text = m_editor->text(line - 1).toUtf8();
    int start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    int end = int(text.size());
    while (end > start && QChar::isSpace(text[end - 1]))
        --end;
    QString message = QString::fromStdString(result.exceptionType);
    if (!result.exceptionMessage.empty())
        message += QStringLiteral(": ") + QString::fromStdString(result.exceptionMessage);
    m_editor->showError(line, start, end, message);
}

void MainWindow::applyZoom(int zoom) {
    m_zoom = qBound(kMinZoom, zoom, kMaxZoom);
    m_editor->zoomTo(m_zoom);
    QFont consoleFont = m_console->font();
    consoleFont.setPointSize(kConsolePointSize + m_zoom);
    m_console->setFont(consoleFont);
    QFont listFont = QApplication::font();
    listFont.setPointSize(qMax(6, listFont.pointSize() + 1 + m_zoom));
    m_lessons->setFont(listFont);
}

void MainWindow::showShortcuts() {
    QString rows;
    for (const QAction* action : actions()) {
        if (action->shortcut().isEmpty())
            continue;
        rows += QStringLiteral("<tr><td>%1</td><td style='padding-left:24px'><b>%2</b></td></tr>")
                    .arg(plainText(action).toHtmlEscaped(),
                         action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard Shortcuts"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setText(tr("<h3>Awaitscope %1</h3><p>Watch Python's asyncio event loop at work.</p><table>%2</table>")
                    .arg(QCoreApplication::applicationVersion(), rows));
    box.exec();
}

void MainWindow::restoreSession() {
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    applyZoom(settings.value(kZoomKey, 0).toInt());
    const QString file = settings.value(kFileKey).toString();
    const QString lesson = settings.value(kLessonKey).toString();
    if (!file.isEmpty() && readScriptFile(file).ok && openFile(file))
        return;
    if (!lesson.isEmpty() && loadLesson(lesson))
        return;
    if (m_lessons->lessonCount() > 0)
        loadLesson(m_lessons->folderAt(0));  // a first start shows something to run
}

void MainWindow::saveSession() {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kZoomKey, m_zoom);
    settings.setValue(kFileKey, m_filePath);
    settings.setValue(kLessonKey, m_lessonFolder);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_runner->stop();
    saveSession();
    event->accept();
}

}  // namespace aw::ui
