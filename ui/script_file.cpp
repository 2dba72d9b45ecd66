#include "ui/script_file.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace aw::ui {

qsizetype firstInvalidUtf8Byte(std::string_view bytes) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = qsizetype(bytes.size());
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            if (c == 0xE0)
                lo = 0xA0;  // overlong
            if (c == 0xED)
                hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            if (c == 0xF0)
                lo = 0x90;  // overlong
            if (c == 0xF4)
                hi = 0x8F;  // above U+10FFFF
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;  // truncated at the end of the file
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (int k = 2; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

ScriptFile readScriptFile(const QString& path) {
    ScriptFile result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("no such file");
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("is a directory, not a script");
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot be read (%1)").arg(file.errorString());
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = QStringLiteral("cannot be read (%1)").arg(file.errorString());
        return result;
    }
    std::string_view view(bytes.constData(), size_t(bytes.size()));
    if (view.starts_with("\xEF\xBB\xBF"))
        view.remove_prefix(3);  // CPython accepts (and skips) a UTF-8 byte-order mark
    const qsizetype bad = firstInvalidUtf8Byte(view);
    if (bad >= 0) {
        const qsizetype line = 1 + std::count(view.begin(), view.begin() + bad, '\n');
        result.error = QStringLiteral("is not UTF-8 (invalid byte 0x%1 on line %2)")
                           .arg(unsigned(static_cast<unsigned char>(view[size_t(bad)])), 2, 16, QLatin1Char('0'))
                           .arg(line);
        return result;
    }
    result.ok = true;
    result.source.assign(view);
    return result;
}

}  // namespace aw::ui
