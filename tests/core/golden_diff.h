#pragma once
// What the golden and conformance tests share: reading a script or an
// expected output as raw UTF-8 bytes, and a readable line diff for a row
// whose output differs from CPython's.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <string>
#include <vector>

namespace aw::test {

// Raw bytes: the script is UTF-8 and so is the expected output.
inline std::string readBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

inline std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

// A line diff (LCS; golden files are small) that reads like `diff -u` without
// hunk headers: ' ' common, '-' expected only, '+' engine only. Long runs of
// common lines are elided so the first differences are what one sees.
inline std::string lineDiff(const std::string& expected, const std::string& actual)
{
    const auto a = splitLines(expected);
    const auto b = splitLines(actual);
    const size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);

    struct Row { char tag; std::string text; };
    std::vector<Row> rows;
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            rows.push_back({' ', a[i]}); ++i; ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            rows.push_back({'-', a[i]}); ++i;     // expected lines first, as diff -u
        } else {
            rows.push_back({'+', b[j]}); ++j;
        }
    }

    // Keep two lines of context around each change.
    std::vector<bool> keep(rows.size(), false);
    for (size_t k = 0; k < rows.size(); ++k) {
        if (rows[k].tag == ' ')
            continue;
        for (size_t c = (k >= 2 ? k - 2 : 0); c < std::min(rows.size(), k + 3); ++c)
            keep[c] = true;
    }
    std::string out = "--- expected (CPython)\n+++ engine\n";
    int shown = 0;
    bool skipped = false;
    for (size_t k = 0; k < rows.size(); ++k) {
        if (!keep[k]) {
            if (!skipped)
                out += "  ...\n";
            skipped = true;
            continue;
        }
        skipped = false;
        if (++shown > 80) {
            out += "  ... (diff truncated)\n";
            break;
        }
        out += rows[k].tag;
        out += ' ';
        out += rows[k].text;
        out += '\n';
    }
    if (!expected.empty() && expected.back() != '\n')
        out += "(expected output has no final newline)\n";
    if (!actual.empty() && actual.back() != '\n')
        out += "(engine output has no final newline)\n";
    return out;
}

}  // namespace aw::test
