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

namespace {

WindowTheme light() {
    WindowTheme t;
    t.id = ThemeId::Light;
    t.text = kText;
    t.muted = kMuted;
    t.background = kBackground;
    t.gutter = kGutter;
    t.currentLine = kCurrentLine;
    t.selection = QColor(0xc8, 0xdc, 0xff);
    t.braceMatch = QColor(0xd7, 0xf5, 0xdd);
    t.consoleBackground = QColor(0xfb, 0xfb, 0xfc);
    t.error = kError;
    t.errorBackground = kErrorBackground;
    t.warning = kWarning;
    t.accent = kAccent;
    t.comment = QColor(0x6a, 0x73, 0x7d);
    t.keyword = QColor(0xcf, 0x22, 0x2e);
    t.string = QColor(0x0a, 0x30, 0x69);
    t.number = QColor(0x05, 0x50, 0xae);
    t.definition = QColor(0x82, 0x50, 0xdf);
    t.decorator = QColor(0x95, 0x38, 0x00);
    t.builtin = QColor(0x00, 0x5c, 0xc5);
    return t;
}

WindowTheme dark() {
    WindowTheme t;
    t.id = ThemeId::Dark;
    t.dark = true;
    t.text = QColor(0xe6, 0xed, 0xf3);
    t.muted = QColor(0x8b, 0x94, 0x9e);
    t.background = QColor(0x0d, 0x11, 0x17);
    t.gutter = QColor(0x16, 0x1b, 0x22);
    t.currentLine = QColor(0x1c, 0x23, 0x33);
    t.selection = QColor(0x26, 0x4f, 0x78);
    t.braceMatch = QColor(0x23, 0x4d, 0x32);
    t.consoleBackground = QColor(0x0d, 0x11, 0x17);
    t.error = QColor(0xff, 0x7b, 0x72);
    t.errorBackground = QColor(0x3d, 0x17, 0x17);
    t.warning = QColor(0xd2, 0x99, 0x22);
    t.accent = QColor(0x58, 0xa6, 0xff);
    t.comment = QColor(0x8b, 0x94, 0x9e);
    t.keyword = QColor(0xff, 0x7b, 0x72);
    t.string = QColor(0xa5, 0xd6, 0xff);
    t.number = QColor(0x79, 0xc0, 0xff);
    t.definition = QColor(0xd2, 0xa8, 0xff);
    t.decorator = QColor(0xff, 0xa6, 0x57);
    t.builtin = QColor(0x79, 0xc0, 0xff);
    return t;
}

// Black on white, saturated syntax colours, large type: legible from the back of a classroom.
WindowTheme projector() {
    WindowTheme t = light();
    t.id = ThemeId::Projector;
    t.codePointSize = 17;
    t.uiPointBoost = 4;
    t.text = QColor(0, 0, 0);
    t.muted = QColor(0x33, 0x33, 0x33);
    t.gutter = QColor(0xee, 0xee, 0xee);
    t.currentLine = QColor(0xff, 0xf3, 0xb0);
    t.consoleBackground = QColor(0xff, 0xff, 0xff);
    t.comment = QColor(0x2e, 0x6b, 0x2e);
    t.keyword = QColor(0xb0, 0x00, 0x20);
    t.string = QColor(0x00, 0x30, 0x90);
    t.number = QColor(0x00, 0x30, 0x90);
    t.definition = QColor(0x60, 0x00, 0xa0);
    t.builtin = QColor(0x00, 0x40, 0xb0);
    return t;
}

}  // namespace

const WindowTheme& windowTheme(ThemeId id) {
    static const WindowTheme themes[] = {light(), dark(), projector()};
    switch (id) {
    case ThemeId::Dark:
        return themes[1];
    case ThemeId::Projector:
        return themes[2];
    case ThemeId::Light:
        break;
    }
    return themes[0];
}

QPalette widgetPalette(const WindowTheme& theme) {
    if (!theme.dark) {
        QPalette p;   // the style's own light palette, with the theme's text and accent
        p.setColor(QPalette::WindowText, theme.text);
        p.setColor(QPalette::Text, theme.text);
        p.setColor(QPalette::Highlight, theme.accent);
        return p;
    }
    QPalette p;
    const QColor window(0x16, 0x1b, 0x22), base(0x0d, 0x11, 0x17), button(0x21, 0x26, 0x2d);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, theme.text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, button);
    p.setColor(QPalette::ToolTipText, theme.text);
    p.setColor(QPalette::PlaceholderText, theme.muted);
    p.setColor(QPalette::Text, theme.text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, theme.text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, theme.accent);
    p.setColor(QPalette::Mid, QColor(0x30, 0x36, 0x3d));
    p.setColor(QPalette::Dark, QColor(0x01, 0x04, 0x09));
    p.setColor(QPalette::Light, QColor(0x30, 0x36, 0x3d));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, theme.muted);
    return p;
}

}  // namespace aw::ui::theme
