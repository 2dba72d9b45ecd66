#pragma once
// The conformance corpus, shared by the tests that run it: every lesson
// (lessons/NAME/script.py, expected output in tests/conformance/lessons/NAME.out)
// and every asyncio golden script (tests/scripts/asyncio/**/NAME.py with
// NAME.out beside it). NAME.interrupt-T.out is the same run with Ctrl+C at
// virtual time T. Needs AWAITSCOPE_SOURCE_DIR and AWAITSCOPE_TESTS_DIR.

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include <optional>
#include <vector>

namespace aw::test {

struct Row {
    QString name;       // the row's name
    QString script;     // absolute path of the script
    QString expected;   // absolute path of the expected output
    std::optional<double> interruptAt;
};

// NAME.out and NAME.interrupt-T.out for a script whose expected files are
// named after `base` (a path without extension) in `dir`.
inline void addRows(std::vector<Row>& rows, const QString& name, const QString& script, const QDir& dir,
             const QString& base)
{
    const QString plain = dir.filePath(base + QStringLiteral(".out"));
    if (QFileInfo::exists(plain))
        rows.push_back({name, script, plain, std::nullopt});
    static const QRegularExpression interrupt(QStringLiteral("^\\.interrupt-([0-9.]+)\\.out$"));
    const QStringList others = dir.entryList({base + QStringLiteral(".interrupt-*.out")}, QDir::Files, QDir::Name);
    for (const QString& f : others) {
        const auto match = interrupt.match(f.mid(base.size()));
        if (!match.hasMatch())
            continue;
        rows.push_back({name + QStringLiteral(" @") + match.captured(1), script, dir.filePath(f),
                        match.captured(1).toDouble()});
    }
}

inline std::vector<Row> lessonRows()
{
    std::vector<Row> rows;
    const QDir lessons(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
    const QDir expected(QStringLiteral(AWAITSCOPE_TESTS_DIR "/conformance/lessons"));
    for (const QString& lesson : lessons.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString script = lessons.filePath(lesson + QStringLiteral("/script.py"));
        if (QFileInfo::exists(script))
            addRows(rows, QStringLiteral("lesson ") + lesson, script, expected, lesson);
    }
    return rows;
}

inline std::vector<Row> asyncioRows()
{
    std::vector<Row> rows;
    const QDir root(QStringLiteral(AWAITSCOPE_TESTS_DIR "/scripts/asyncio"));
    QStringList scripts;
    QDirIterator it(root.path(), {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        scripts << it.next();
    scripts.sort();
    for (const QString& script : scripts) {
        const QFileInfo info(script);
        addRows(rows, root.relativeFilePath(script).chopped(3), script, info.dir(), info.completeBaseName());
    }
    return rows;
}


// Lessons first, then the asyncio scripts.
inline std::vector<Row> allRows()
{
    std::vector<Row> rows = lessonRows();
    const std::vector<Row> more = asyncioRows();
    rows.insert(rows.end(), more.begin(), more.end());
    return rows;
}

}  // namespace aw::test
