// `awaitscope trace` lines (core/trace/event_json.h): valid JSON, one field
// per documented payload slot, names from the one table, the clock and the
// iteration the state model gives for the same step.
#include "core/model/state_index.h"
#include "core/run/runner.h"
#include "core/trace/event_json.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using namespace aw;

namespace {

std::string lessonSource(const QString& folder) {
    QFile f(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/") + folder + QStringLiteral("/script.py"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read lesson %s", qPrintable(folder));
    return f.readAll().toStdString();
}

QJsonObject parse(const std::string& line) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("not a JSON object (%s): %s", qPrintable(error.errorString()), line.c_str());
    return doc.object();
}

}  // namespace

class TestEventJson : public QObject {
    Q_OBJECT
private slots:
    void tableNamesAreDistinctPerKind() {
        for (const trace::KindFields& k : trace::eventFieldTable()) {
            QSet<QString> names{QStringLiteral("step"), QStringLiteral("kind"), QStringLiteral("clock"),
                                QStringLiteral("iter")};
            for (const trace::FieldSpec* f : {&k.a, &k.b, &k.x, &k.s}) {
                if (f->type == trace::FieldType::None) {
                    QVERIFY(f->name.empty());
                    continue;
                }
                const QString name = QString::fromUtf8(f->name.data(), qsizetype(f->name.size()));
                QVERIFY2(!names.contains(name), qPrintable(name));
                QVERIFY2(QRegularExpression(QStringLiteral("^[a-z][a-z_]*$")).match(name).hasMatch(), qPrintable(name));
                names.insert(name);
            }
        }
    }

    // docs/json-schema.md has a row per kind that names each of its fields.
    void documented() {
        QFile doc(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/docs/json-schema.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(doc.readAll()).split(QLatin1Char('\n'));
        for (const trace::KindFields& k : trace::eventFieldTable()) {
            const std::string_view wire = trace::wireName(k.kind);
            const QString rowStart = QStringLiteral("| `%1` |").arg(QString::fromUtf8(wire.data(), qsizetype(wire.size())));
            const auto row = std::find_if(lines.begin(), lines.end(), [&](const QString& l) { return l.startsWith(rowStart); });
            QVERIFY2(row != lines.end(), qPrintable(rowStart));
            const QString fields = row->section(QLatin1Char('|'), 2, 2);
            for (const trace::FieldSpec* f : {&k.a, &k.b, &k.x, &k.s}) {
                if (f->type == trace::FieldType::None) continue;
                const QStringList names = f->type == trace::FieldType::Columns
                                              ? QStringList{QStringLiteral("col_start"), QStringLiteral("col_end")}
                                              : QStringList{QString::fromUtf8(f->name.data(), qsizetype(f->name.size()))};
                for (const QString& name : names)
                    QVERIFY2(fields.contains(QLatin1Char('`') + name + QLatin1Char('`')), qPrintable(*row + " lacks " + name));
            }
        }
    }

    void escapesStrings() {
        trace::Trace t;
        t.append(trace::EventKind::Output, 0, 0, 0.0, "a \"quoted\" \\ line\twith\x01 caf\xc3\xa9");
        trace::EventJsonWriter writer(t);
        const QJsonObject o = parse(writer.line(0));
        QCOMPARE(o.value(QStringLiteral("text")).toString(), QString::fromUtf8("a \"quoted\" \\ line\twith\x01 caf\xc3\xa9"));
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("output"));
    }

    void numbersAsPython() {
        std::string s;
        trace::appendJsonNumber(s, 2.0);
        QCOMPARE(s, std::string("2.0"));
        s.clear();
        trace::appendJsonNumber(s, 0.1);
        QCOMPARE(s, std::string("0.1"));
        s.clear();
        trace::appendJsonNumber(s, -1.0);
        QCOMPARE(s, std::string("-1.0"));
        s.clear();
        trace::appendJsonNumber(s, std::numeric_limits<double>::infinity());
        QCOMPARE(s, std::string("null"));
    }

    // Every event of a few lessons: the fields its kind's row names, and the
    // clock and iteration of the state model at that step.
    void lessonTraces_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<double>("interruptAt");
        QTest::newRow("01") << QStringLiteral("01-event-loop-two-fetches") << -1.0;
        QTest::newRow("15 @2.5") << QStringLiteral("15-task-cancellation") << 2.5;
        QTest::newRow("16") << QStringLiteral("16-loop-scheduling-utilities") << -1.0;
        QTest::newRow("20") << QStringLiteral("20-queue-producers-consumers") << -1.0;
    }
    void lessonTraces() {
        QFETCH(QString, lesson);
        QFETCH(double, interruptAt);
        run::RunOptions options;
        if (interruptAt >= 0) options.interruptAt = interruptAt;
        const run::RunResult r = run::runScript(lessonSource(lesson), "script.py", options);
        const trace::Trace& t = *r.trace;
        model::StateIndex index(r.trace);
        index.extend();
        trace::EventJsonWriter writer(t);
        for (uint64_t step = 0; step < t.size(); ++step) {
            const QJsonObject o = parse(writer.line(step));
            const trace::Event& e = t[step];
            QCOMPARE(o.value(QStringLiteral("step")).toInteger(), qint64(step));
            QCOMPARE(o.value(QStringLiteral("kind")).toString().toStdString(), std::string(trace::wireName(e.kind)));
            QCOMPARE(o.value(QStringLiteral("clock")).toDouble(), index.clockAt(step));
            QCOMPARE(quint64(o.value(QStringLiteral("iter")).toInteger()), quint64(index.iterationAt(step)));
            const trace::KindFields& k = trace::fieldsOf(e.kind);
            int expected = 4;
            for (const trace::FieldSpec* f : {&k.a, &k.b, &k.x, &k.s})
                expected += f->type == trace::FieldType::None ? 0 : f->type == trace::FieldType::Columns ? 2 : 1;
            QCOMPARE(o.size(), expected);
            if (k.a.type == trace::FieldType::Uint)
                QCOMPARE(o.value(QString::fromUtf8(k.a.name.data(), qsizetype(k.a.name.size()))).toInteger(), qint64(e.a));
            if (k.s.type == trace::FieldType::Text)
                QCOMPARE(o.value(QString::fromUtf8(k.s.name.data(), qsizetype(k.s.name.size()))).toString().toStdString(),
                         std::string(t.text(e)));
            if (e.kind == trace::EventKind::Line) {
                QCOMPARE(o.value(QStringLiteral("line")).toInteger(), qint64(e.b));
                QCOMPARE(o.value(QStringLiteral("col_start")).toInt(), trace::columnStart(e));
                QCOMPARE(o.value(QStringLiteral("col_end")).toInt(), trace::columnEnd(e));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestEventJson)
#include "tst_event_json.moc"
