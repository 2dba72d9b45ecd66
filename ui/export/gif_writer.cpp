#include "ui/export/gif_writer.h"

#include <QIODevice>

#include <gif_lib.h>

#include <cstring>
#include <vector>

namespace aw::ui {

namespace {
int writeToDevice(GifFileType* gif, const GifByteType* data, int length) {
    auto* device = static_cast<QIODevice*>(gif->UserData);
    return static_cast<int>(device->write(reinterpret_cast<const char*>(data), length));
}
QString gifError(int code) {
    const char* text = GifErrorString(code);
    return text ? QString::fromLatin1(text) : QStringLiteral("giflib error %1").arg(code);
}
}  // namespace

struct GifWriter::Impl {
    QIODevice* device = nullptr;
    GifFileType* gif = nullptr;
    QSize size;
};

GifWriter::GifWriter(QIODevice* device) : m_impl(std::make_unique<Impl>()) {
    m_impl->device = device;
}

GifWriter::~GifWriter() {
    if (m_impl->gif) {
        int error = 0;
        EGifCloseFile(m_impl->gif, &error);
    }
}

bool GifWriter::addFrame(const QImage& source, int delayCs) {
    const QImage frame = source.convertToFormat(QImage::Format_RGB888);
    if (!m_impl->gif) {
        int error = 0;
        m_impl->gif = EGifOpen(m_impl->device, writeToDevice, &error);
        if (!m_impl->gif) {
            m_error = gifError(error);
            return false;
        }
        m_impl->size = frame.size();
        EGifSetGifVersion(m_impl->gif, true);
        if (EGifPutScreenDesc(m_impl->gif, frame.width(), frame.height(), 8, 0, nullptr) == GIF_ERROR) {
            m_error = gifError(m_impl->gif->Error);
            return false;
        }
        // Loop forever: the NETSCAPE2.0 application extension.
        static const char app[] = "NETSCAPE2.0";
        const unsigned char loop[3] = {1, 0, 0};
        if (EGifPutExtensionLeader(m_impl->gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(m_impl->gif, 11, app) == GIF_ERROR ||
            EGifPutExtensionBlock(m_impl->gif, 3, loop) == GIF_ERROR ||
            EGifPutExtensionTrailer(m_impl->gif) == GIF_ERROR) {
            m_error = gifError(m_impl->gif->Error);
            return false;
        }
    }
    if (frame.size() != m_impl->size) {
        m_error = QStringLiteral("frames of different sizes");
        return false;
    }
    const int w = frame.width(), h = frame.height();
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    std::vector<GifByteType> r(n), g(n), b(n), indexed(n);
    for (int y = 0; y < h; ++y) {
        const uchar* line = frame.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * w + x;
            r[i] = line[3 * x];
            g[i] = line[3 * x + 1];
            b[i] = line[3 * x + 2];
        }
    }
    int mapSize = 256;
    GifColorType colors[256];
    std::memset(colors, 0, sizeof colors);
    if (GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h), &mapSize, r.data(), g.data(), b.data(),
                          indexed.data(), colors) == GIF_ERROR) {
        m_error = QStringLiteral("could not reduce the frame to 256 colours");
        return false;
    }
    ColorMapObject* map = GifMakeMapObject(256, colors);
    GraphicsControlBlock gcb;
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = delayCs;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const std::size_t extLength = EGifGCBToExtension(&gcb, extension);
    bool ok =
        EGifPutExtension(m_impl->gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(extLength), extension) != GIF_ERROR &&
        EGifPutImageDesc(m_impl->gif, 0, 0, w, h, false, map) != GIF_ERROR;
    for (int y = 0; ok && y < h; ++y)
        ok = EGifPutLine(m_impl->gif, indexed.data() + static_cast<std::size_t>(y) * w, w) != GIF_ERROR;
    GifFreeMapObject(map);
    if (!ok)
        m_error = gifError(m_impl->gif->Error);
    return ok;
}

bool GifWriter::finish() {
    if (!m_impl->gif) {
        m_error = QStringLiteral("no frames");
        return false;
    }
    int error = 0;
    const int result = EGifCloseFile(m_impl->gif, &error);
    m_impl->gif = nullptr;
    if (result == GIF_ERROR) {
        m_error = gifError(error);
        return false;
    }
    return true;
}

}  // namespace aw::ui
