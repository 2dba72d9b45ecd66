// The `awaitscope` binary from the outside: what a user (or the conformance
// script) sees on stdout, stderr and in the exit status. Run verbs get an
// environment with no display at all, to show they never need one.

#include <QElapsedTimer>
#include <QFile>
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
            << QStringList{QStringLiteral("--budget"), QStringLiteral("5"), QStringLiteral("a.py")}
            << QStringLiteral("budget");
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
