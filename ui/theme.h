#pragma once
// The window's fonts and colours in one place, so the editor, the console
// and (later) the painted views agree, and a projector theme is one edit.

#include <QColor>
#include <QFont>

namespace aw::ui::theme {

// A monospace font that reads well at a distance: the first installed of a
// short list of good coding fonts, else the system's fixed font.
QFont codeFont(int pointSize = 12);

inline const QColor kText{0x1f, 0x23, 0x28};
inline const QColor kMuted{0x6e, 0x77, 0x81};  // clock column, notes
inline const QColor kBackground{0xff, 0xff, 0xff};
inline const QColor kGutter{0xf4, 0xf5, 0xf7};
inline const QColor kCurrentLine{0xee, 0xf4, 0xff};
inline const QColor kError{0xc6, 0x28, 0x28};
inline const QColor kErrorBackground{0xfd, 0xec, 0xec};
inline const QColor kWarning{0xb2, 0x5e, 0x00};
inline const QColor kAccent{0x1f, 0x6f, 0xeb};

}  // namespace aw::ui::theme
