#pragma once
// The colours and sizes every painted view (stage, timeline, exports) uses,
// one set per theme. A view paints only with a Palette, so the window, a
// PNG, an SVG and a PDF of the same step look the same, and the projector
// theme is one switch.

#include <QColor>
#include <QFont>
#include <QString>

#include <cstdint>

namespace aw::ui {

enum class ThemeId { Light, Dark, Projector };

struct Palette {
    ThemeId id = ThemeId::Light;
    QColor background, panel, panelBorder, text, muted, accent, grid;
    QColor error, warning;
    // Segment / badge colours by what a task is doing.
    QColor running, ready, waitTimer, waitSocket, waitFuture, waitSync, blocked, done, cancelled, failed;
    QFont font;        // labels
    QFont monoFont;    // code, clock, ids
    qreal lineWidth = 1.0;   // thin strokes; thicker on the projector
    qreal scale = 1.0;       // multiplies paddings and sizes (projector: larger)

    // A distinct colour per task, by TaskInfo::colorIndex; the same task has
    // the same colour in the editor marker, the stage card and the timeline row.
    QColor taskColor(uint32_t colorIndex) const;
};

Palette paletteFor(ThemeId id);
ThemeId themeFromName(const QString& name, bool* ok = nullptr);   // "light", "dark", "projector"
QString themeName(ThemeId id);

}  // namespace aw::ui
