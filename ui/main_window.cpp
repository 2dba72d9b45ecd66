#include "ui/main_window.h"

#include "ui/code_editor.h"
#include "ui/console_view.h"
#include "ui/edits/edit_store.h"
#include "ui/lesson/lesson_text_view.h"
#include "ui/lesson_list.h"
#include "ui/recent_files.h"
#include "ui/script_file.h"
#include "ui/settings/app_settings.h"
#include "ui/stage/stage_view.h"
#include "ui/timeline/timeline_view.h"
#include "ui/transport/playback.h"
#include "ui/transport/step_cursor.h"
#include "ui/transport/transport_bar.h"
#include "ui/window/run_controller.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>

namespace aw::ui {

namespace {

QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QString lessonMarkdown(const QString& folder) {
    QFile file(QStringLiteral(":/lessons/%1/lesson.md").arg(folder));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_settings(std::make_unique<AppSettings>()), m_edits(std::make_unique<EditStore>()) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(icon("awaitscope"));
    setDockNestingEnabled(true);
    // The script and the console run the full height on the left, the lesson on the right;
    // the timeline sits under the stage only.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_stage = new StageView(this);
    m_stage->setObjectName(QStringLiteral("stage"));
    m_stage->setFocusPolicy(Qt::StrongFocus);   // arrows step when the stage has the focus
    setCentralWidget(m_stage);

    m_cursor = new StepCursor(this);
    m_playback = new Playback(m_cursor, this);
    m_runs = new RunController(this);
    m_autosave = new AutosaveTimer(m_edits.get(), AutosaveTimer::kDefaultDelayMs, this);

    createDocks();
    createActions();
    createMenus();
    createToolBars();

    m_runState = new QLabel(tr("Ready"), this);
    m_runState->setObjectName(QStringLiteral("runState"));
    m_runState->setContentsMargins(8, 0, 8, 0);
    m_stopButton = new QToolButton(this);
    m_stopButton->setDefaultAction(m_stopAction);
    m_stopButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stopButton->setAutoRaise(true);
    m_stopButton->hide();
    auto* position = new QLabel(this);
    position->setContentsMargins(8, 0, 8, 0);
    statusBar()->addPermanentWidget(position);
    statusBar()->addPermanentWidget(m_runState);
    statusBar()->addPermanentWidget(m_stopButton);
    connect(m_editor, &QsciScintilla::cursorPositionChanged, position,
            [position](int line, int index) { position->setText(tr("Ln %1, Col %2").arg(line + 1).arg(index + 1)); });

    connect(m_runs, &RunController::runningChanged, this, &MainWindow::setRunning);
    connect(m_runs, &RunController::progress, this, [this](quint64 events, double clock) {
        m_runState->setText(tr("Running… %L1 events, %2 s").arg(events).arg(clock, 0, 'f', 3));
    });
    connect(m_runs, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(m_cursor, &StepCursor::stepChanged, this, &MainWindow::showStep);
    connect(m_stage, &StageView::cancelTaskRequested, this, &MainWindow::cancelTaskHere);
    connect(m_timeline, &TimelineView::stepRequested, m_cursor, &StepCursor::setStep);
    m_stopAction->setEnabled(false);

    connect(m_editor, &QsciScintilla::modificationChanged, this, &QWidget::setWindowModified);
    connect(m_editor, &QsciScintilla::textChanged, this, &MainWindow::scheduleAutosave);
    connect(m_lessons, &LessonList::lessonChosen, this, [this](const Lesson& lesson) {
        if (lesson.folder != m_lessonFolder)
            loadLesson(lesson.folder);
    });
    connect(m_autosave, &AutosaveTimer::saveFailed, this, [this](const QString&, const QString& error) {
        statusBar()->showMessage(tr("Could not keep your edits: %1").arg(error), 8000);
    });

    resize(1280, 720);
    resizeDocks({m_editorDock, m_lessonTextDock}, {370, 270}, Qt::Horizontal);
    resizeDocks({m_consoleDock, m_timelineDock}, {200, 170}, Qt::Vertical);
    setTheme(ThemeId::Light);
    applyZoom(0);
    setSource(QString(), QString(), QString());
}

MainWindow::~MainWindow() {
    m_autosave->flush();
}

QDockWidget* MainWindow::addDock(QWidget* widget, const QString& title, const QString& name, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks() {
    m_editor = new CodeEditor(this);
    m_editor->setObjectName(QStringLiteral("editor"));
    m_editorDock = addDock(m_editor, tr("Script"), QStringLiteral("editorDock"), Qt::LeftDockWidgetArea);

    m_console = new ConsoleView(this);
    m_console->setObjectName(QStringLiteral("console"));
    m_consoleDock = addDock(m_console, tr("Console"), QStringLiteral("consoleDock"), Qt::LeftDockWidgetArea);
    splitDockWidget(m_editorDock, m_consoleDock, Qt::Vertical);

    m_timeline = new TimelineView(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timelineDock = addDock(m_timeline, tr("Timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);

    m_lessonText = new LessonTextView(this);
    m_lessonText->setObjectName(QStringLiteral("lessonText"));
    m_lessonTextDock = addDock(m_lessonText, tr("Lesson"), QStringLiteral("lessonTextDock"), Qt::RightDockWidgetArea);

    m_lessons = new LessonList(this);
    m_lessons->setObjectName(QStringLiteral("lessons"));
    m_lessonDock = addDock(m_lessons, tr("Lessons"), QStringLiteral("lessonDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(m_lessonTextDock, m_lessonDock);
    m_lessonTextDock->raise();
}

QString MainWindow::scriptName() const {
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_lessonFolder.isEmpty())
        return m_lessonFolder + QStringLiteral(".py");
    return QStringLiteral("untitled.py");
}

void MainWindow::setSource(const QString& text, const QString& filePath, const QString& lessonFolder) {
    m_autosave->flush();   // the previous lesson's last keystrokes
    m_runs->stop();
    m_playback->pause();
    m_settingSource = true;
    m_editor->clearErrors();
    m_editor->clearPosition();
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    m_editor->setText(normalized);
    m_editor->setModified(false);
    m_editor->setCursorPosition(0, 0);
    m_settingSource = false;
    m_original = normalized;
    m_filePath = filePath;
    m_lessonFolder = lessonFolder;
    m_lessons->markCurrent(lessonFolder);
    m_lessonText->setLesson(lessonFolder.isEmpty() ? QString() : lessonMarkdown(lessonFolder));
    m_revertAction->setEnabled(false);
    // A new script: the old run no longer describes it.
    m_run.reset();
    m_cursor->setRun(nullptr);
    m_timeline->setRun(nullptr);
    m_console->clear();
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
    // A lesson's edits are autosaved; only a file or a new script can lose work here.
    if (m_lessonFolder.isEmpty() && !maybeSave()) {
        m_lessons->markCurrent(m_lessonFolder);
        return false;
    }
    const Lesson lesson{folder, {}};
    const ScriptFile script = readScriptFile(lesson.scriptPath());
    if (!script.ok)
        return false;
    setSource(QString::fromStdString(script.source), QString(), folder);
    restoreLessonEdits();
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
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
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
    m_autosave->flush();
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_lessonFolder.clear();
    m_lessons->markCurrent(QString());
    m_revertAction->setEnabled(false);
    m_editor->setModified(false);
    m_recent->add(m_filePath);
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::newFile() {
    if (m_lessonFolder.isEmpty() && !maybeSave())
        return;
    setSource(QString(), QString(), QString());
}

void MainWindow::open() {
    if (m_lessonFolder.isEmpty() && !maybeSave())
        return;
    QString dir = m_settings->lastDirectory();
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
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
    QString dir = m_settings->lastDirectory();
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = m_filePath.isEmpty() ? QDir(dir).filePath(scriptName()) : m_filePath;
    QString path = QFileDialog::getSaveFileName(this, tr("Save the script"), suggested, tr("Python scripts (*.py)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".py");
    return saveFile(path);
}

bool MainWindow::maybeSave() {
    if (!m_editor->isModified() || !m_lessonFolder.isEmpty())
        return true;   // a lesson's edits are kept by the autosave
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"), tr("%1 has changes. Save them?").arg(scriptName()),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_playback->pause();
    m_runs->stop();
    m_autosave->flush();
    saveSession();
    event->accept();
}

}  // namespace aw::ui
