#include "ui/window/action_text.h"

#include <QAction>
#include <QStringList>

namespace aw::ui {

QString plainActionText(const QAction* action) {
    QString text = action->text();
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

void showShortcutInTooltip(QAction* action) {
    const QString tip = action->statusTip().isEmpty() ? plainActionText(action) : action->statusTip();
    QStringList keys;
    for (const QKeySequence& key : action->shortcuts())
        keys.append(key.toString(QKeySequence::NativeText));
    action->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys.join(QStringLiteral(", "))));
}

}  // namespace aw::ui
