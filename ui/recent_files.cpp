#include "ui/recent_files.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

#include <algorithm>

namespace aw::ui {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu) {
    connect(m_menu, &QMenu::aboutToShow, this, &RecentFiles::rebuildMenu);
    rebuildMenu();
}

QStringList RecentFiles::files() const {
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::store(const QStringList& files) {
    QSettings().setValue(kKey, files);
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles)
        list.removeLast();
    store(list);  // the menu is rebuilt when it is next shown
}

void RecentFiles::rebuildMenu() {
    QStringList list = files();
    list.erase(std::remove_if(list.begin(), list.end(), [](const QString& f) { return !QFileInfo::exists(f); }),
               list.end());
    m_menu->clear();
    for (int i = 0; i < list.size(); ++i) {
        const QString& path = list[i];
        // Alt+1..9, 0 picks an entry while the menu is open.
        const QString label = i < 10 ? QStringLiteral("&%1  %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName())
                                     : QFileInfo(path).fileName();
        QAction* action = m_menu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit fileChosen(path); });
    }
    if (list.isEmpty()) {
        m_menu->addAction(tr("No recent files"))->setEnabled(false);
    } else {
        m_menu->addSeparator();
        // Rebuilt on the next show: clearing the menu here would delete the action being triggered.
        connect(m_menu->addAction(tr("&Clear List")), &QAction::triggered, this, [this] { store({}); });
    }
    m_menu->setToolTipsVisible(true);
}

}  // namespace aw::ui
