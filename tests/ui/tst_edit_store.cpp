// EditStore keeps a user's edits on disk (so a crash loses nothing) and says
// why when it cannot; AutosaveTimer saves after a pause in typing.
#include "ui/edits/edit_store.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace aw::ui;

class TestEditStore : public QObject {
    Q_OBJECT
private slots:
    void keys() {
        QCOMPARE(lessonEditKey(QStringLiteral("05-tasks-gather")), QStringLiteral("lesson:05-tasks-gather"));
        QCOMPARE(fileEditKey(QStringLiteral("/abs/x.py")), QStringLiteral("file:/abs/x.py"));
        QCOMPARE(untitledEditKey(2), QStringLiteral("untitled:2"));
    }

    void saveLoadDiscard() {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        EditStore store(tmp.filePath(QStringLiteral("edits")));  // created on first save
        const QString key = lessonEditKey(QStringLiteral("05-tasks-gather"));
        QVERIFY(!store.hasEdits(key));
        QString error = QStringLiteral("stale");
        QCOMPARE(store.load(key, &error), std::nullopt);
        QVERIFY(error.isEmpty());  // no edit is not an error

        QCOMPARE(store.save(key, QStringLiteral("print('one')\n")), QString());
        QVERIFY(store.hasEdits(key));
        QCOMPARE(store.load(key), QStringLiteral("print('one')\n"));
        QCOMPARE(store.save(key, QStringLiteral("print('two')\n")), QString());
        QCOMPARE(store.load(key), QStringLiteral("print('two')\n"));

        // Another key is separate.
        const QString other = fileEditKey(QStringLiteral("/home/someone/x.py"));
        QVERIFY(!store.hasEdits(other));
        QCOMPARE(store.save(other, QString()), QString());  // an empty text is an edit too
        QCOMPARE(store.load(other), QString());

        // Revert: the edit is gone, the other stays.
        QCOMPARE(store.discard(key), QString());
        QVERIFY(!store.hasEdits(key));
        QCOMPARE(store.load(key), std::nullopt);
        QVERIFY(store.hasEdits(other));
        QCOMPARE(store.discard(key), QString());  // twice is fine
    }

    void textRoundTripsExactly() {
        QTemporaryDir tmp;
        EditStore store(tmp.path());
        const QString text = QStringLiteral("# é ✓ 😀\r\n\tasync def f():\n    return \"\\\\x00\"\n") + QChar(0) +
                             QStringLiteral("tail without newline");
        const QString key = QStringLiteral("file:/a path/with spaces/and:colons/ü.py");
        QCOMPARE(store.save(key, text), QString());
        QCOMPARE(store.load(key), text);
    }

    void survivesACrash() {
        QTemporaryDir tmp;
        const QString key = lessonEditKey(QStringLiteral("13-done-callbacks"));
        {
            EditStore before(tmp.path());
            QCOMPARE(before.save(key, QStringLiteral("edited before the crash")), QString());
            QCOMPARE(before.save(untitledEditKey(1), QStringLiteral("a new script")), QString());
        }
        EditStore after(tmp.path());  // a new process on the same folder
        QVERIFY(after.hasEdits(key));
        QCOMPARE(after.load(key), QStringLiteral("edited before the crash"));
        QStringList errors;
        const QList<StoredEdit> all = after.all(&errors);
        QVERIFY(errors.isEmpty());
        QCOMPARE(all.size(), 2);
        QStringList keys;
        for (const StoredEdit& edit : all) {
            keys.append(edit.key);
            QVERIFY(edit.savedAt.isValid());
        }
        keys.sort();
        QCOMPARE(keys, QStringList({key, untitledEditKey(1)}));
        // No temporary files left behind by the atomic writes.
        QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 2);
    }

    void damagedFileIsReportedNotHidden() {
        QTemporaryDir tmp;
        EditStore store(tmp.path());
        const QString key = lessonEditKey(QStringLiteral("01-event-loop-two-fetches"));
        QCOMPARE(store.save(key, QStringLiteral("x = 1\n")), QString());
        QFile file(store.pathFor(key));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{ not json");
        file.close();
        QString error;
        QCOMPARE(store.load(key, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        QVERIFY(store.hasEdits(key));  // still there for the user to rescue or discard
        QStringList errors;
        QVERIFY(store.all(&errors).isEmpty());
        QCOMPARE(errors.size(), 1);
    }

    void unwritableFolderIsAnError() {
        QTemporaryDir tmp;
        // A file where the folder should be: the folder cannot be created.
        QFile blocker(tmp.filePath(QStringLiteral("edits")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        EditStore store(tmp.filePath(QStringLiteral("edits")));
        const QString error = store.save(QStringLiteral("lesson:x"), QStringLiteral("text"));
        QVERIFY2(!error.isEmpty(), "a save that cannot happen says so");
        QVERIFY(!store.hasEdits(QStringLiteral("lesson:x")));
        QVERIFY(!store.save(QString(), QStringLiteral("text")).isEmpty());  // no key, no save
    }

    void autosaveWaitsForAPause() {
        QTemporaryDir tmp;
        EditStore store(tmp.path());
        AutosaveTimer timer(&store, 60);
        QCOMPARE(timer.delayMs(), 60);
        QSignalSpy saved(&timer, &AutosaveTimer::saved);
        const QString key = lessonEditKey(QStringLiteral("02-first-coroutine"));
        timer.schedule(key, QStringLiteral("a"));
        timer.schedule(key, QStringLiteral("ab"));
        timer.schedule(key, QStringLiteral("abc"));
        QVERIFY(timer.isPending());
        QVERIFY(!store.hasEdits(key));  // not on every key press
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(0).toString(), key);
        QCOMPARE(store.load(key), QStringLiteral("abc"));
        QVERIFY(!timer.isPending());
        QTest::qWait(150);
        QCOMPARE(saved.count(), 1);  // one pause, one save
    }

    void flushCancelAndSwitchingKeys() {
        QTemporaryDir tmp;
        EditStore store(tmp.path());
        AutosaveTimer timer(&store, 10'000);
        QSignalSpy saved(&timer, &AutosaveTimer::saved);
        timer.schedule(QStringLiteral("lesson:a"), QStringLiteral("A"));
        timer.flush();
        QCOMPARE(store.load(QStringLiteral("lesson:a")), QStringLiteral("A"));
        QCOMPARE(saved.count(), 1);

        timer.schedule(QStringLiteral("lesson:a"), QStringLiteral("A2"));
        timer.cancel();
        timer.flush();
        QCOMPARE(store.load(QStringLiteral("lesson:a")), QStringLiteral("A"));  // the cancelled text is not saved
        QCOMPARE(saved.count(), 1);

        // Moving to another key saves the first key's pending text at once.
        timer.schedule(QStringLiteral("lesson:a"), QStringLiteral("A3"));
        timer.schedule(QStringLiteral("lesson:b"), QStringLiteral("B"));
        QCOMPARE(store.load(QStringLiteral("lesson:a")), QStringLiteral("A3"));
        QVERIFY(!store.hasEdits(QStringLiteral("lesson:b")));
        QCOMPARE(saved.count(), 2);
    }

    void pendingTextIsSavedWhenTheTimerGoes() {
        QTemporaryDir tmp;
        EditStore store(tmp.path());
        {
            AutosaveTimer timer(&store, 10'000);
            timer.schedule(QStringLiteral("untitled:1"), QStringLiteral("last words"));
        }
        QCOMPARE(store.load(QStringLiteral("untitled:1")), QStringLiteral("last words"));
    }

    void failedAutosaveIsSignalled() {
        QTemporaryDir tmp;
        QFile blocker(tmp.filePath(QStringLiteral("edits")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        EditStore store(tmp.filePath(QStringLiteral("edits")));
        AutosaveTimer timer(&store, 10);
        QSignalSpy failed(&timer, &AutosaveTimer::saveFailed);
        timer.schedule(QStringLiteral("lesson:x"), QStringLiteral("text"));
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("lesson:x"));
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    }
};

QTEST_MAIN(TestEditStore)
#include "tst_edit_store.moc"
