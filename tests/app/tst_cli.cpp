// The `awaitscope` binary from the outside: what a user (or the conformance
// script) sees on stdout, stderr and in the exit status. Run verbs get an
// environment with no display at all, to show they never need one.

#include "core/trace/trace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result runBinary(const QStringList& arguments, const QString& workingDir = {}) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(QStringLiteral(AWAITSCOPE_BINARY), arguments);
    Result result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject jsonObject(const QByteArray& text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object (%s): %s", qPrintable(error.errorString()), text.left(200).constData());
    return doc.object();
}

// `awaitscope trace` output: one JSON object per line, steps 0, 1, 2, ...,
// every kind one of events.def's. Empty when anything is off (and says why).
QList<QJsonObject> traceLines(const QByteArray& out) {
    QList<QJsonObject> events;
    if (!out.endsWith('\n')) {
        qWarning("the trace does not end with a newline");
        return {};
    }
    const QList<QByteArray> lines = out.chopped(1).split('\n');
    for (const QByteArray& line : lines) {
        const QJsonObject o = jsonObject(line);
        const QString kind = o.value(QStringLiteral("kind")).toString();
        if (o.isEmpty() || o.value(QStringLiteral("step")).toInteger(-1) != events.size() ||
            !aw::trace::kindFromWireName(kind.toStdString()) || !o.value(QStringLiteral("clock")).isDouble() ||
            !o.value(QStringLiteral("iter")).isDouble()) {
            qWarning("bad trace line %lld: %s", qlonglong(events.size()), line.constData());
            return {};
        }
        events.append(o);
    }
    return events;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeScript(const QString& name, const QByteArray& bytes) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(bytes);
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(AWAITSCOPE_BINARY)), AWAITSCOPE_BINARY);
    }

    // Exact stdout, as the oracle (../shared/conformance/vtrun.py) prints it.
    void testRunPrints_data() {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("print") << QByteArray("print('hello')\nprint(1 + 2)\n")
                               << QByteArray("0.000\thello\n0.000\t3\n");
        QTest::newRow("sleep") << QByteArray("import time\n\nprint('start')\ntime.sleep(1.5)\nprint('done', 1 + 2)\n")
                               << QByteArray("0.000\tstart\n1.500\tdone 3\n");
        QTest::newRow("utf-8 text") << QByteArray("print(\"caf\xc3\xa9 \xe2\x9c\x93\")\n")
                                    << QByteArray("0.000\tcaf\xc3\xa9 \xe2\x9c\x93\n");
        QTest::newRow("byte-order mark") << QByteArray("\xef\xbb\xbfprint('bom')\n") << QByteArray("0.000\tbom\n");
        QTest::newRow("no output") << QByteArray("x = 1\n") << QByteArray();
    }
    void testRunPrints() {
        QFETCH(QByteArray, script);
        QFETCH(QByteArray, expected);
        const QString path = writeScript(QStringLiteral("tiny.py"), script);
        const Result r = runBinary({QStringLiteral("run"), path});
        QCOMPARE(r.out, expected);
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.exitCode, 0);
    }

    void testUncaughtException() {
        const QString path = writeScript(QStringLiteral("boom.py"), "def f():\n    return 1 / 0\n\nprint('x')\nf()\n");
        const Result r = runBinary({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray("0.000\tx\n0.000\t!ZeroDivisionError: division by zero\n"));
        QVERIFY2(r.err.startsWith("Traceback (most recent call last):\n"), r.err.constData());
        QVERIFY2(r.err.contains("line 5"), r.err.constData());
        QVERIFY2(r.err.contains("boom.py"), r.err.constData());
        QVERIFY2(r.err.trimmed().endsWith("ZeroDivisionError: division by zero"), r.err.constData());
    }

    void testSyntaxError() {
        const QString path = writeScript(QStringLiteral("broken.py"), "print('ok')\nx = (1,\n");
        const Result r = runBinary({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 2);
        // Nothing ran; stdout carries the oracle's one line, stderr CPython's report.
        QCOMPARE(r.out, QByteArray("0.000\t!SyntaxError: '(' was never closed (broken.py, line 2)\n"));
        QVERIFY2(r.err.contains("broken.py\", line 2"), r.err.constData());
        QVERIFY2(r.err.contains("    x = (1,\n"), r.err.constData());
        QVERIFY2(r.err.contains("\n        ^\n"), r.err.constData());  // the caret under '('
        QVERIFY2(r.err.trimmed().endsWith("SyntaxError: '(' was never closed"), r.err.constData());
    }

    void testUnrunnableFile_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");  // null: do not create the file
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << QStringLiteral("missing.py") << QByteArray() << QStringLiteral("no such file");
        QTest::newRow("latin-1") << QStringLiteral("latin1.py") << QByteArray("# ok\nprint('caf\xe9')\n")
                                 << QStringLiteral("is not UTF-8 (invalid byte 0xe9 on line 2)");
        QTest::newRow("truncated sequence")
            << QStringLiteral("cut.py") << QByteArray("print('\xe2\x9c')\n") << QStringLiteral("is not UTF-8");
        QTest::newRow("surrogate") << QStringLiteral("surrogate.py") << QByteArray("s = '\xed\xa0\x80'\n")
                                   << QStringLiteral("is not UTF-8");
    }
    void testUnrunnableFile() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const QString path = bytes.isNull() ? m_dir.filePath(name) : writeScript(name, bytes);
        const Result r = runBinary({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QByteArray());
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(path), qPrintable(err));
        QVERIFY2(err.contains(reason), qPrintable(err));
    }

    void testDirectoryIsNotAScript() {
        const Result r = runBinary({QStringLiteral("run"), m_dir.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("is a directory"), r.err.constData());
    }

    void testBudgetCut() {
        const QString path = writeScript(QStringLiteral("forever.py"), "print('spin')\nwhile True:\n    pass\n");
        QElapsedTimer clock;
        clock.start();
        const Result r = runBinary({QStringLiteral("run"), QStringLiteral("--budget"), QStringLiteral("10000"), path});
        QCOMPARE(r.exitCode, 3);
        // The output so far (formatRun may end it with a line that marks the cut).
        QVERIFY2(r.out.startsWith("0.000\tspin\n"), r.out.constData());
        QCOMPARE(r.err,
                 QByteArray("awaitscope: stopped after 10000 steps (the step budget); the program may never end\n"));
        QVERIFY2(clock.elapsed() < 30000, "10,000 steps must not take long");
    }

    // The option may come before or after the script (run-all.sh puts it first).
    void testInterruptAt_data() {
        QTest::addColumn<bool>("optionFirst");
        QTest::newRow("option first") << true;
        QTest::newRow("option last") << false;
    }
    void testInterruptAt() {
        QFETCH(bool, optionFirst);
        // Ctrl+C during time.sleep: KeyboardInterrupt at the sleep, the clock stopped at T (WORLD.md).
        const QString path =
            writeScript(QStringLiteral("sleepy.py"), "import time\nprint('a')\ntime.sleep(5)\nprint('b')\n");
        const QStringList option = {QStringLiteral("--interrupt-at"), QStringLiteral("2.5")};
        const QStringList args = optionFirst ? QStringList{QStringLiteral("run")} + option + QStringList{path}
                                             : QStringList{QStringLiteral("run"), path} + option;
        const Result r = runBinary(args);
        QCOMPARE(r.out, QByteArray("0.000\ta\n2.500\t!KeyboardInterrupt\n"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.trimmed().endsWith("KeyboardInterrupt"), r.err.constData());
    }

    void testVersion() {
        const Result r = runBinary({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^awaitscope \\d+\\.\\d+\\.\\d+\\n$"))
                     .match(QString::fromUtf8(r.out))
                     .hasMatch(),
                 r.out.constData());
    }

    void testHelp_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << QStringLiteral("awaitscope run");
        QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << QStringLiteral("awaitscope run");
        QTest::newRow("run --help") << QStringList{QStringLiteral("run"), QStringLiteral("--help")}
                                    << QStringLiteral("--interrupt-at T");
        QTest::newRow("trace --help") << QStringList{QStringLiteral("trace"), QStringLiteral("--help")}
                                      << QStringLiteral("--out FILE");
        QTest::newRow("state --help") << QStringList{QStringLiteral("state"), QStringLiteral("-h")}
                                      << QStringLiteral("--at STEP");
        QTest::newRow("export --help") << QStringList{QStringLiteral("export"), QStringLiteral("--help")}
                                       << QStringLiteral("--view VIEW");
        QTest::newRow("help lists the verbs") << QStringList{QStringLiteral("--help")}
                                              << QStringLiteral("awaitscope state --at STEP|end");
    }
    void testHelp() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = runBinary(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(mentions), r.out.constData());
        QVERIFY(r.out.startsWith("Usage: awaitscope"));
    }

    // `awaitscope lessons` lists every built-in lesson: "<id>\t<title>", in order.
    void testLessonsList() {
        const Result r = runBinary({QStringLiteral("lessons")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QDir lessonsDir(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons"));
        const QStringList folders = lessonsDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(lines.size(), folders.size());
        QVERIFY(lines.size() >= 22);
        QCOMPARE(lines.first(), QByteArray("01-event-loop-two-fetches\tTwo fetches sharing one event loop"));
        for (int i = 0; i < lines.size(); ++i) {
            QVERIFY2(lines[i].startsWith(folders[i].toUtf8() + '\t'), lines[i].constData());
            QVERIFY2(lines[i].size() > folders[i].size() + 3, lines[i].constData());   // a title follows
        }
    }

    // run --lesson ID runs the built-in copy; the number alone is enough.
    void testRunLesson_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("number") << QStringLiteral("13");
        QTest::newRow("folder") << QStringLiteral("13-done-callbacks");
        QTest::newRow("slug") << QStringLiteral("done-callbacks");
    }
    void testRunLesson() {
        QFETCH(QString, id);
        const Result r = runBinary({QStringLiteral("run"), QStringLiteral("--lesson"), id});
        QFile expected(QStringLiteral(AWAITSCOPE_TESTS_DIR "/conformance/lessons/13-done-callbacks.out"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(r.out, expected.readAll());
        QCOMPARE(r.exitCode, 0);
    }
    void testRunLessonWithInterrupt() {
        const Result r = runBinary({QStringLiteral("run"), QStringLiteral("--interrupt-at"), QStringLiteral("2.5"),
                                    QStringLiteral("--lesson"), QStringLiteral("15")});
        QFile expected(QStringLiteral(AWAITSCOPE_TESTS_DIR "/conformance/lessons/15-task-cancellation.interrupt-2.5.out"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(r.out, expected.readAll());
    }
    void testUnknownLesson() {
        const Result r = runBinary({QStringLiteral("run"), QStringLiteral("--lesson"), QStringLiteral("99")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no lesson '99'"), r.err.constData());
    }

    // trace: valid JSON per line, consecutive steps, known kinds, the run from start to end.
    void testTraceLesson() {
        const Result r = runBinary({QStringLiteral("trace"), QStringLiteral("--lesson"), QStringLiteral("05")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QByteArray());
        const QList<QJsonObject> events = traceLines(r.out);
        QVERIFY(events.size() > 100);
        QCOMPARE(events.first().value(QStringLiteral("kind")).toString(), QStringLiteral("program.start"));
        QCOMPARE(events.first().value(QStringLiteral("file")).toString(),
                 QStringLiteral("lessons/05-tasks-gather/script.py"));
        QCOMPARE(events.last().value(QStringLiteral("kind")).toString(), QStringLiteral("program.end"));
        QCOMPARE(events.last().value(QStringLiteral("exit_code")).toInt(), 0);
        // The printed lines are in the trace with the clock `run` stamps them with.
        QFile expected(QStringLiteral(AWAITSCOPE_TESTS_DIR "/conformance/lessons/05-tasks-gather.out"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QByteArray printed;
        double lastClock = 0;
        for (const QJsonObject& e : events) {
            QVERIFY(e.value(QStringLiteral("clock")).toDouble() >= lastClock);   // time never goes back
            lastClock = e.value(QStringLiteral("clock")).toDouble();
            if (e.value(QStringLiteral("kind")).toString() == QStringLiteral("output"))
                printed += QByteArray::number(lastClock, 'f', 3) + '\t' +
                           e.value(QStringLiteral("text")).toString().toUtf8() + '\n';
            if (e.value(QStringLiteral("kind")).toString() == QStringLiteral("line")) {
                QVERIFY(e.value(QStringLiteral("line")).toInt() >= 1);
                QVERIFY(e.contains(QStringLiteral("owner")) && e.contains(QStringLiteral("col_start")) &&
                        e.contains(QStringLiteral("col_end")));
            }
        }
        QCOMPARE(printed, expected.readAll());
    }

    void testTraceToFile() {
        const QString out = m_dir.filePath(QStringLiteral("trace.jsonl"));
        const Result r = runBinary({QStringLiteral("trace"), QStringLiteral("--lesson"), QStringLiteral("02"),
                                    QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!traceLines(written).isEmpty());
        const Result toStdout = runBinary({QStringLiteral("trace"), QStringLiteral("--lesson"), QStringLiteral("02")});
        QCOMPARE(written, toStdout.out);   // the same run, the same trace
    }

    void testTraceToUnwritableFile() {
        const QString out = m_dir.filePath(QStringLiteral("no-such-folder/trace.jsonl"));
        const Result r = runBinary({QStringLiteral("trace"), QStringLiteral("--lesson"), QStringLiteral("02"),
                                    QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("awaitscope: cannot write '" + out.toUtf8() + "': "), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    // --budget on trace: the run is cut, the trace ends with program.cut, exit 3 as `run`.
    void testTraceBudgetCut() {
        const QString path = writeScript(QStringLiteral("forever.py"), "print('spin')\nwhile True:\n    pass\n");
        const Result r = runBinary({QStringLiteral("trace"), QStringLiteral("--budget"), QStringLiteral("500"), path});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err, QByteArray("awaitscope: stopped after 500 steps (the step budget); the program may never end\n"));
        const QList<QJsonObject> events = traceLines(r.out);
        QVERIFY2(events.size() >= 500 && events.size() <= 510, QByteArray::number(events.size()).constData());
        QCOMPARE(events.last().value(QStringLiteral("kind")).toString(), QStringLiteral("program.cut"));
        QCOMPARE(events.last().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("step budget exhausted: 500 events"));
    }

    // state --at end of lesson 16: the loop was stopped at 0 s with two timers
    // still set (2 s and 3 s), then closed, which drops them.
    void testStateAtEnd() {
        const Result r = runBinary({QStringLiteral("state"), QStringLiteral("--lesson"), QStringLiteral("16"),
                                    QStringLiteral("--at"), QStringLiteral("end")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.endsWith("}\n"));
        QCOMPARE(r.out.count('\n'), 1);
        const QJsonObject state = jsonObject(r.out);
        QVERIFY(!state.isEmpty());
        QCOMPARE(state.value(QStringLiteral("clock")).toDouble(), 0.0);
        QCOMPARE(state.value(QStringLiteral("ended")).toBool(), true);
        QCOMPARE(state.value(QStringLiteral("cut")).toBool(), false);
        const QJsonObject loop = state.value(QStringLiteral("loop")).toObject();
        QCOMPARE(loop.value(QStringLiteral("phase")).toString(), QStringLiteral("closed"));
        QCOMPARE(loop.value(QStringLiteral("stopping")).toBool(), false);
        QVERIFY(loop.value(QStringLiteral("id")).toInt() > 0);
        QVERIFY(state.value(QStringLiteral("ready")).toArray().isEmpty());
        const QJsonArray output = state.value(QStringLiteral("output")).toArray();
        QCOMPARE(output.size(), 1);
        QCOMPARE(output.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Triggered after 1s"));
        // Whatever the timers list still shows of the two never-fired timers, none is live.
        for (const QJsonValue& t : state.value(QStringLiteral("timers")).toArray())
            QVERIFY(t.toObject().value(QStringLiteral("dropped")).toBool() ||
                    t.toObject().value(QStringLiteral("cancelled")).toBool());
    }

    // state --at STEP agrees with the trace: the clock and iteration of the same step.
    void testStateAtStep() {
        const Result trace = runBinary({QStringLiteral("trace"), QStringLiteral("--lesson"), QStringLiteral("03")});
        const QList<QJsonObject> events = traceLines(trace.out);
        QVERIFY(events.size() > 20);
        const int step = int(events.size()) * 2 / 3;
        const Result r = runBinary({QStringLiteral("state"), QStringLiteral("--lesson"), QStringLiteral("03"),
                                    QStringLiteral("--at"), QString::number(step)});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject state = jsonObject(r.out);
        QCOMPARE(state.value(QStringLiteral("step")).toInt(), step);
        QCOMPARE(state.value(QStringLiteral("clock")).toDouble(), events[step].value(QStringLiteral("clock")).toDouble());
        QCOMPARE(state.value(QStringLiteral("iteration")).toInt(), events[step].value(QStringLiteral("iter")).toInt());
    }

    void testStatePastTheEnd() {
        const Result r = runBinary({QStringLiteral("state"), QStringLiteral("--lesson"), QStringLiteral("02"),
                                    QStringLiteral("--at"), QStringLiteral("99999999")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.contains("past the end of the run"), r.err.constData());
    }

    void testStateBudgetCut() {
        const QString path = writeScript(QStringLiteral("forever.py"), "print('spin')\nwhile True:\n    pass\n");
        const Result r = runBinary({QStringLiteral("state"), QStringLiteral("--budget"), QStringLiteral("300"),
                                    QStringLiteral("--at"), QStringLiteral("end"), path});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject state = jsonObject(r.out);
        QCOMPARE(state.value(QStringLiteral("cut")).toBool(), true);
        QCOMPARE(state.value(QStringLiteral("cut_reason")).toString(), QStringLiteral("step budget exhausted: 300 events"));
    }

    void testUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("run without script") << QStringList{QStringLiteral("run")} << QStringLiteral("which script");
        QTest::newRow("two scripts") << QStringList{QStringLiteral("run"), QStringLiteral("a.py"),
                                                    QStringLiteral("b.py")}
                                     << QStringLiteral("one script at a time");
        QTest::newRow("bad budget") << QStringList{QStringLiteral("run"), QStringLiteral("--budget"),
                                                   QStringLiteral("lots"), QStringLiteral("a.py")}
                                    << QStringLiteral("--budget");
        QTest::newRow("zero budget") << QStringList{QStringLiteral("run"), QStringLiteral("--budget"),
                                                    QStringLiteral("0"), QStringLiteral("a.py")}
                                     << QStringLiteral("--budget");
        QTest::newRow("bad interrupt") << QStringList{QStringLiteral("run"), QStringLiteral("--interrupt-at"),
                                                      QStringLiteral("soon"), QStringLiteral("a.py")}
                                       << QStringLiteral("--interrupt-at");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("run"), QStringLiteral("--fast"),
                                                       QStringLiteral("a.py")}
                                        << QStringLiteral("fast");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("script and lesson") << QStringList{QStringLiteral("run"), QStringLiteral("--lesson"),
                                                          QStringLiteral("1"), QStringLiteral("a.py")}
                                           << QStringLiteral("one script at a time");
        QTest::newRow("lessons with arguments") << QStringList{QStringLiteral("lessons"), QStringLiteral("x")}
                                                << QStringLiteral("no arguments");
        QTest::newRow("run option without run")
            << QStringList{QStringLiteral("--interrupt-at"), QStringLiteral("5"), QStringLiteral("a.py")}
            << QStringLiteral("interrupt-at");
        QTest::newRow("window bad budget")
            << QStringList{QStringLiteral("--budget"), QStringLiteral("many"), QStringLiteral("a.py")}
            << QStringLiteral("--budget");
        const QString a = QStringLiteral("a.py");
        const auto verb = [&a](const char* name, QStringList options) {
            return QStringList{QString::fromLatin1(name)} + options + QStringList{a};
        };
        QTest::newRow("trace bad budget") << verb("trace", {QStringLiteral("--budget"), QStringLiteral("-3")})
                                          << QStringLiteral("--budget");
        QTest::newRow("trace without script") << QStringList{QStringLiteral("trace")} << QStringLiteral("which script");
        QTest::newRow("trace --at") << verb("trace", {QStringLiteral("--at"), QStringLiteral("3")})
                                    << QStringLiteral("at");
        QTest::newRow("state without --at") << verb("state", {}) << QStringLiteral("--at STEP");
        QTest::newRow("state bad --at") << verb("state", {QStringLiteral("--at"), QStringLiteral("soon")})
                                        << QStringLiteral("--at wants a step number or 'end' (got 'soon')");
        QTest::newRow("state negative --at") << verb("state", {QStringLiteral("--at"), QStringLiteral("-1")})
                                             << QStringLiteral("--at wants");
        QTest::newRow("state bad interrupt")
            << verb("state", {QStringLiteral("--at"), QStringLiteral("end"), QStringLiteral("--interrupt-at"),
                              QStringLiteral("x")})
            << QStringLiteral("--interrupt-at");
        const QStringList png = {QStringLiteral("--out"), QStringLiteral("x.png")};
        const QStringList stage = {QStringLiteral("--view"), QStringLiteral("stage")};
        QTest::newRow("export without view") << verb("export", png) << QStringLiteral("--view stage");
        QTest::newRow("export bad view") << verb("export", png + QStringList{QStringLiteral("--view"), QStringLiteral("map")})
                                         << QStringLiteral("--view wants 'stage' or 'timeline' (got 'map')");
        QTest::newRow("export without out") << verb("export", stage) << QStringLiteral("--out FILE.png");
        QTest::newRow("export bad format")
            << verb("export", stage + QStringList{QStringLiteral("--out"), QStringLiteral("x.jpg")})
            << QStringLiteral("(got 'x.jpg')");
        QTest::newRow("export --at and --at-time")
            << verb("export", stage + png + QStringList{QStringLiteral("--at"), QStringLiteral("3"),
                                                        QStringLiteral("--at-time"), QStringLiteral("1")})
            << QStringLiteral("not both");
        QTest::newRow("export bad --at-time")
            << verb("export", stage + png + QStringList{QStringLiteral("--at-time"), QStringLiteral("later")})
            << QStringLiteral("--at-time");
        QTest::newRow("export --from alone")
            << verb("export", stage + png + QStringList{QStringLiteral("--from"), QStringLiteral("3")})
            << QStringLiteral("both --from STEP and --to STEP");
        QTest::newRow("export --from after --to")
            << verb("export", stage + png + QStringList{QStringLiteral("--from"), QStringLiteral("9"),
                                                        QStringLiteral("--to"), QStringLiteral("3")})
            << QStringLiteral("--from 9 comes after --to 3");
        QTest::newRow("export bad width")
            << verb("export", stage + png + QStringList{QStringLiteral("--width"), QStringLiteral("4")})
            << QStringLiteral("--width");
        QTest::newRow("export bad theme")
            << verb("export", stage + png + QStringList{QStringLiteral("--theme"), QStringLiteral("neon")})
            << QStringLiteral("--theme wants 'light', 'dark' or 'projector' (got 'neon')");
    }
    void testUsageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Result r = runBinary(args, m_dir.path());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
        QVERIFY2(r.err.contains("awaitscope --help"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
