// MainWindow: what is kept between sessions (layout, last script, theme,
// zoom, speed), the theme and the zoom themselves, and the autosave of a
// user's edits to a lesson.

#include "ui/main_window.h"

#include "ui/code_editor.h"
#include "ui/console_view.h"
#include "ui/edits/edit_store.h"
#include "ui/lesson/lesson_text_view.h"
#include "ui/lesson_list.h"
#include "ui/script_file.h"
#include "ui/settings/app_settings.h"
#include "ui/stage/stage_view.h"
#include "ui/theme.h"
#include "ui/timeline/timeline_view.h"
#include "ui/transport/playback.h"
#include "ui/transport/transport_bar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>

namespace aw::ui {

void MainWindow::setPresentationLayout(bool on) {
    if (on == !m_layoutBeforePresenting.isEmpty()) return;
    if (on) {
        m_layoutBeforePresenting = saveState();
        for (QDockWidget* dock : findChildren<QDockWidget*>())
            if (dock != m_timelineDock) dock->hide();
        m_timelineDock->show();
        resizeDocks({m_timelineDock}, {height() / 4}, Qt::Vertical);
    } else {
        restoreState(m_layoutBeforePresenting);
        m_layoutBeforePresenting.clear();
    }
    m_presentAction->setChecked(on);
}

void MainWindow::setTheme(ThemeId id) {
    // Switching to the projector gives the stage the room its larger type needs.
    if (id == ThemeId::Projector && m_theme != ThemeId::Projector)
        resizeDocks({m_editorDock, m_lessonTextDock}, {330, 240}, Qt::Horizontal);
    m_theme = id;
    m_palette = paletteFor(id);
    const theme::WindowTheme& t = theme::windowTheme(id);
    // The widgets around the views: the application's palette and font size.
    qApp->setPalette(theme::widgetPalette(t));
    m_editor->applyTheme(t, m_palette);
    m_console->applyTheme(t);
    m_stage->setPalette(m_palette);
    m_timeline->setPalette(m_palette);
    m_lessonText->setTheme(id);
    for (QAction* action : m_themeGroup->actions())
        action->setChecked(action->data().toString() == themeName(id));
    applyZoom(m_zoom);   // the projector's sizes are larger at every zoom
}

void MainWindow::applyZoom(int zoom) {
    m_zoom = qBound(AppSettings::kMinZoom, zoom, AppSettings::kMaxZoom);
    const theme::WindowTheme& t = theme::windowTheme(m_theme);
    m_editor->setCodeFont(theme::codeFont(qMax(6, t.codePointSize + m_zoom)));
    m_console->setFont(theme::codeFont(qMax(6, t.codePointSize - 1 + m_zoom)));
    // The panels' own text (lists, docks' titles, tool bars) grows with the zoom and the projector.
    QFont uiFont = QApplication::font();
    const int base = uiFont.pointSize() > 0 ? uiFont.pointSize() : 10;
    uiFont.setPointSize(qMax(6, base + t.uiPointBoost + m_zoom / 2));
    for (QWidget* w : {static_cast<QWidget*>(m_lessons), static_cast<QWidget*>(m_transport),
                       static_cast<QWidget*>(statusBar()), static_cast<QWidget*>(menuBar())})
        w->setFont(uiFont);
    QFont listFont = uiFont;
    listFont.setPointSize(uiFont.pointSize() + 1);
    m_lessons->setFont(listFont);
    m_lessonText->setZoom(m_zoom);
    // The stage and the timeline scale with their palette's fonts.
    Palette zoomed = m_palette;
    zoomed.font.setPointSizeF(qMax(6.0, m_palette.font.pointSizeF() + m_zoom));
    zoomed.monoFont.setPointSizeF(qMax(6.0, m_palette.monoFont.pointSizeF() + m_zoom));
    m_stage->setPalette(zoomed);
    m_timeline->setPalette(zoomed);
}

void MainWindow::restoreSession() {
    restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    m_zoom = m_settings->zoom();
    setTheme(m_settings->theme());
    m_playback->setSpeed(m_settings->playbackSpeed());
    m_stage->setAnimationMs(m_settings->animationEnabled() ? m_settings->animationDurationMs() : 0);
    const QString file = m_settings->lastFile();
    const QString lesson = m_settings->lastLesson();
    if (!file.isEmpty() && readScriptFile(file).ok && openFile(file))
        return;
    if (!lesson.isEmpty() && loadLesson(lesson))
        return;
    if (m_lessons->lessonCount() > 0)
        loadLesson(m_lessons->folderAt(0));  // a first start shows something to run
}

void MainWindow::saveSession() {
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setZoom(m_zoom);
    m_settings->setTheme(m_theme);
    m_settings->setPlaybackSpeed(m_playback->speed());
    m_settings->setLastFile(m_filePath);
    m_settings->setLastLesson(m_lessonFolder);
    m_settings->sync();
}

// A lesson's edits are kept as the user types; back to the original text, there is nothing to keep.
void MainWindow::scheduleAutosave() {
    if (m_settingSource || m_lessonFolder.isEmpty())
        return;
    const QString key = lessonEditKey(m_lessonFolder);
    const QString text = m_editor->text();
    if (text == m_original) {
        m_autosave->cancel();
        const QString error = m_edits->discard(key);
        if (!error.isEmpty())
            statusBar()->showMessage(error, 8000);
        m_revertAction->setEnabled(false);
        return;
    }
    m_autosave->schedule(key, text);
    m_revertAction->setEnabled(true);
}

void MainWindow::restoreLessonEdits() {
    if (m_lessonFolder.isEmpty())
        return;
    QString error;
    const std::optional<QString> edited = m_edits->load(lessonEditKey(m_lessonFolder), &error);
    if (!error.isEmpty())
        statusBar()->showMessage(tr("Your edits to this lesson could not be read: %1").arg(error), 8000);
    if (!edited || *edited == m_original)
        return;
    m_settingSource = true;
    m_editor->setText(*edited);
    m_settingSource = false;
    m_editor->setModified(true);
    m_revertAction->setEnabled(true);
    updateTitle();
    statusBar()->showMessage(tr("Your edits to this lesson are back (File > Revert Lesson to Original undoes them)"),
                             8000);
}

void MainWindow::revertLesson() {
    if (m_lessonFolder.isEmpty())
        return;
    m_autosave->cancel();
    const QString error = m_edits->discard(lessonEditKey(m_lessonFolder));
    if (!error.isEmpty())
        statusBar()->showMessage(error, 8000);
    m_settingSource = true;
    m_editor->setText(m_original);
    m_settingSource = false;
    m_editor->setModified(false);
    m_revertAction->setEnabled(false);
    updateTitle();
    statusBar()->showMessage(tr("Lesson %1 is back to its original").arg(m_lessonFolder), 5000);
}

}  // namespace aw::ui
