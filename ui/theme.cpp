#include "ui/theme.h"

#include <QFontDatabase>
#include <QStringList>

namespace aw::ui::theme {

QFont codeFont(int pointSize) {
    static const QStringList preferred = {
        QStringLiteral("JetBrains Mono"), QStringLiteral("Fira Code"),        QStringLiteral("Source Code Pro"),
        QStringLiteral("Cascadia Mono"),  QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Liberation Mono"),
    };
    const QStringList installed = QFontDatabase::families();
    for (const QString& family : preferred) {
        if (installed.contains(family)) {
            QFont font(family, pointSize);
            font.setStyleHint(QFont::Monospace);
            return font;
        }
    }
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(pointSize);
    return font;
}

}  // namespace aw::ui::theme
