#include "ui/paint/palette.h"

#include "ui/theme.h"

#include <array>

namespace aw::ui {

namespace {

// Okabe–Ito-like hues, distinguishable for colour-blind viewers, then a few more.
constexpr std::array<QRgb, 10> kTaskHues = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00,
                                            0x56B4E9, 0x8C6D31, 0x7B61C9, 0x2E8B57, 0xB8860B};

}  // namespace

QColor Palette::taskColor(uint32_t colorIndex) const {
    QColor c = QColor::fromRgb(kTaskHues[colorIndex % kTaskHues.size()]);
    // Past the first round, vary lightness so neighbours still differ.
    const uint32_t round = static_cast<uint32_t>(colorIndex / kTaskHues.size()) % 3;
    if (round == 1) c = c.lighter(130);
    if (round == 2) c = c.darker(130);
    if (id == ThemeId::Dark) c = c.lighter(115);
    return c;
}

Palette paletteFor(ThemeId id) {
    Palette p;
    p.id = id;
    p.font = QFont(QStringLiteral("DejaVu Sans"), 10);
    p.monoFont = theme::codeFont(10);
    switch (id) {
    case ThemeId::Light:
        p.background = QColor(0xffffff); p.panel = QColor(0xf6f8fa); p.panelBorder = QColor(0xd0d7de);
        p.text = QColor(0x1f2328); p.muted = QColor(0x6e7781); p.accent = QColor(0x1f6feb); p.grid = QColor(0xeaeef2);
        break;
    case ThemeId::Dark:
        p.background = QColor(0x0d1117); p.panel = QColor(0x161b22); p.panelBorder = QColor(0x30363d);
        p.text = QColor(0xe6edf3); p.muted = QColor(0x8b949e); p.accent = QColor(0x58a6ff); p.grid = QColor(0x21262d);
        break;
    case ThemeId::Projector:
        // High contrast, big type, thick lines: legible from the back of a room.
        p.background = QColor(0xffffff); p.panel = QColor(0xffffff); p.panelBorder = QColor(Qt::black);
        p.text = QColor(Qt::black); p.muted = QColor(0x333333); p.accent = QColor(0x0050c8); p.grid = QColor(0xbbbbbb);
        p.font.setPointSize(15); p.font.setBold(true);
        p.monoFont.setPointSize(15);
        p.lineWidth = 2.5;
        p.scale = 1.5;
        break;
    }
    const bool dark = id == ThemeId::Dark;
    p.error = dark ? QColor(0xf85149) : QColor(0xc62828);
    p.warning = dark ? QColor(0xd29922) : QColor(0xb25e00);
    p.running = dark ? QColor(0x3fb950) : QColor(0x1a7f37);
    p.ready = dark ? QColor(0xd29922) : QColor(0xe3a008);
    p.waitTimer = dark ? QColor(0x58a6ff) : QColor(0x5b9bd5);
    p.waitSocket = dark ? QColor(0xbc8cff) : QColor(0x8e6cc9);
    p.waitFuture = dark ? QColor(0x6e7681) : QColor(0xa0aab4);
    p.waitSync = dark ? QColor(0x39c5cf) : QColor(0x2aa1a8);
    p.blocked = dark ? QColor(0xff7b72) : QColor(0xd1242f);
    p.done = dark ? QColor(0x2ea043) : QColor(0x9bd4a8);
    p.cancelled = dark ? QColor(0x8b949e) : QColor(0x57606a);
    p.failed = dark ? QColor(0xf85149) : QColor(0xcf222e);
    return p;
}

ThemeId themeFromName(const QString& name, bool* ok) {
    if (ok) *ok = true;
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("dark")) return ThemeId::Dark;
    if (n == QLatin1String("projector")) return ThemeId::Projector;
    if (n != QLatin1String("light") && ok) *ok = false;
    return ThemeId::Light;
}

QString themeName(ThemeId id) {
    switch (id) {
    case ThemeId::Dark: return QStringLiteral("dark");
    case ThemeId::Projector: return QStringLiteral("projector");
    case ThemeId::Light: break;
    }
    return QStringLiteral("light");
}

}  // namespace aw::ui
