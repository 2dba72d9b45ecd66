#pragma once
// The window's own colours and fonts (the editor, the console, the Qt
// widgets around them), one set per theme, so switching to dark or to the
// projector's high contrast is one call. The painted views (stage, timeline)
// take their colours from ui/paint/palette.h's Palette of the same ThemeId.

#include "ui/paint/palette.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace aw::ui::theme {

// A monospace font that reads well at a distance: the first installed of a
// short list of good coding fonts, else the system's fixed font.
QFont codeFont(int pointSize = 12);

struct WindowTheme {
    ThemeId id = ThemeId::Light;
    bool dark = false;
    int codePointSize = 12;      // the editor's and the console's base size (before zoom)
    int uiPointBoost = 0;        // points added to the widgets' own font (projector: large)
    QColor text, muted, background, gutter, currentLine, selection, braceMatch, consoleBackground;
    QColor error, errorBackground, warning, accent;
    // Python syntax.
    QColor comment, keyword, string, number, definition, decorator, builtin;
};

const WindowTheme& windowTheme(ThemeId id);

// The Qt palette for every widget of the window (QApplication::setPalette).
QPalette widgetPalette(const WindowTheme& theme);

// The light theme's colours, for code that has no theme at hand.
inline const QColor kText{0x1f, 0x23, 0x28};
inline const QColor kMuted{0x6e, 0x77, 0x81};
inline const QColor kBackground{0xff, 0xff, 0xff};
inline const QColor kGutter{0xf4, 0xf5, 0xf7};
inline const QColor kCurrentLine{0xee, 0xf4, 0xff};
inline const QColor kError{0xc6, 0x28, 0x28};
inline const QColor kErrorBackground{0xfd, 0xec, 0xec};
inline const QColor kWarning{0xb2, 0x5e, 0x00};
inline const QColor kAccent{0x1f, 0x6f, 0xeb};

}  // namespace aw::ui::theme
