#pragma once
// An animated GIF written with giflib, frame by frame: each frame gets its
// own 256-colour map (median cut, GifQuantizeBuffer) so text edges and task
// colours stay clean, and the animation loops forever (NETSCAPE2.0).

#include <QImage>
#include <QString>

#include <memory>

class QIODevice;

namespace aw::ui {

class GifWriter {
public:
    explicit GifWriter(QIODevice* device);  // writes to an open device
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    // All frames must have the size of the first. delayCs: hundredths of a second.
    bool addFrame(const QImage& frame, int delayCs);
    bool finish();
    const QString& error() const { return m_error; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QString m_error;
};

}  // namespace aw::ui
