#pragma once
// The "Open Recent" list: newest first, kept in QSettings, files that are
// gone are dropped when the menu is shown.

#include <QObject>
#include <QStringList>

class QMenu;

namespace aw::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 10;

    RecentFiles(QMenu* menu, QObject* parent = nullptr);

    void add(const QString& path);
    QStringList files() const;

signals:
    void fileChosen(const QString& path);

private:
    void rebuildMenu();
    void store(const QStringList& files);

    QMenu* m_menu;
};

}  // namespace aw::ui
