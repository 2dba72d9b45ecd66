#pragma once
// Reading a script from disk for the engine: the bytes as UTF-8 (as CPython
// reads a source file), or a sentence that says why it cannot be run.
// Shared by the command line and the window, so both refuse the same files
// with the same words.

#include <QString>

#include <string>
#include <string_view>

namespace aw::ui {

struct ScriptFile {
    bool ok = false;
    std::string source;  // UTF-8, a leading byte-order mark removed
    QString error;       // when !ok: "no such file", "is not UTF-8 (invalid byte 0xe9 on line 3)", ...
};

// `path` names a file on disk or a Qt resource (":/lessons/...").
ScriptFile readScriptFile(const QString& path);

// Byte offset of the first byte that is not part of well-formed UTF-8
// (no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
qsizetype firstInvalidUtf8Byte(std::string_view bytes);

}  // namespace aw::ui
