// AppSettings: typed settings with sane defaults, values that survive a
// restart, and garbage in the store read as defaults. SettingsDialog edits them.
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace aw::ui;

class TestAppSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // never touch the user's real settings
        QCoreApplication::setOrganizationName(QStringLiteral("AwaitscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_app_settings"));
    }
    void init() { QSettings().clear(); }
    void cleanupTestCase() { QSettings().clear(); }

    void defaults() {
        AppSettings s;
        QCOMPARE(s.theme(), ThemeId::Light);
        QCOMPARE(s.zoom(), 0);
        QCOMPARE(s.playbackSpeed(), PlaybackSpeed::times(1));
        QCOMPARE(s.lastLesson(), QString());
        QCOMPARE(s.lastFile(), QString());
        QVERIFY(s.windowGeometry().isEmpty());
        QVERIFY(s.windowState().isEmpty());
        QCOMPARE(s.stepBudget(), quint64(5'000'000));
        QVERIFY(s.animationEnabled());
        QCOMPARE(s.animationDurationMs(), 250);
        QCOMPARE(s.preferences(), Preferences{});
    }

    void valuesSurviveARestart() {
        {
            AppSettings s;
            s.setTheme(ThemeId::Projector);
            s.setZoom(6);
            s.setPlaybackSpeed(PlaybackSpeed::realTimeSpeed());
            s.setLastLesson(QStringLiteral("13-done-callbacks"));
            s.setLastFile(QStringLiteral("/tmp/x.py"));
            s.setLastDirectory(QStringLiteral("/tmp"));
            s.setWindowGeometry(QByteArray("\x01\x02geometry", 10));
            s.setWindowState(QByteArray("state"));
            s.setStepBudget(123'456);
            s.setAnimationEnabled(false);
            s.setAnimationDurationMs(400);
            QVERIFY(s.sync());
        }
        AppSettings s;
        QCOMPARE(s.theme(), ThemeId::Projector);
        QCOMPARE(s.zoom(), 6);
        QCOMPARE(s.playbackSpeed(), PlaybackSpeed::realTimeSpeed());
        QCOMPARE(s.lastLesson(), QStringLiteral("13-done-callbacks"));
        QCOMPARE(s.lastFile(), QStringLiteral("/tmp/x.py"));
        QCOMPARE(s.lastDirectory(), QStringLiteral("/tmp"));
        QCOMPARE(s.windowGeometry(), QByteArray("\x01\x02geometry", 10));
        QCOMPARE(s.windowState(), QByteArray("state"));
        QCOMPARE(s.stepBudget(), quint64(123'456));
        QVERIFY(!s.animationEnabled());
        QCOMPARE(s.animationDurationMs(), 400);
        // The window's old keys are the same keys.
        QCOMPARE(QSettings().value(QStringLiteral("view/zoom")).toInt(), 6);
        QCOMPARE(QSettings().value(QStringLiteral("session/lesson")).toString(), QStringLiteral("13-done-callbacks"));
    }

    void garbageReadsAsDefaults() {
        QSettings raw;
        raw.setValue(QStringLiteral("view/theme"), QStringLiteral("neon"));
        raw.setValue(QStringLiteral("view/zoom"), QStringLiteral("big"));
        raw.setValue(QStringLiteral("playback/speed"), QStringLiteral("3"));
        raw.setValue(QStringLiteral("run/stepBudget"), QStringLiteral("-5"));
        raw.setValue(QStringLiteral("animation/enabled"), QStringLiteral("maybe"));
        raw.setValue(QStringLiteral("animation/durationMs"), QStringLiteral("slow"));
        raw.sync();
        AppSettings s;
        QCOMPARE(s.preferences(), Preferences{});
        QCOMPARE(s.zoom(), 0);
    }

    void outOfRangeIsClamped() {
        AppSettings s;
        s.setZoom(1000);
        QCOMPARE(s.zoom(), AppSettings::kMaxZoom);
        s.setZoom(-1000);
        QCOMPARE(s.zoom(), AppSettings::kMinZoom);
        s.setStepBudget(3);
        QCOMPARE(s.stepBudget(), AppSettings::kMinStepBudget);
        s.setAnimationDurationMs(1'000'000);
        QCOMPARE(s.animationDurationMs(), AppSettings::kMaxAnimationMs);
        // Written by hand (or an older version): clamped on reading too.
        QSettings().setValue(QStringLiteral("view/zoom"), 99);
        QCOMPARE(s.zoom(), AppSettings::kMaxZoom);
    }

    void playbackSpeeds() {
        const QList<PlaybackSpeed> choices = PlaybackSpeed::choices();
        QCOMPARE(choices.size(), 7);
        QCOMPARE(choices.first(), PlaybackSpeed::times(0.25));
        QVERIFY(choices.last().realTime);
        for (const PlaybackSpeed& speed : choices) {
            QCOMPARE(PlaybackSpeed::fromString(speed.toString()), speed);
            QVERIFY(!speed.label().isEmpty());
        }
        QCOMPARE(PlaybackSpeed::times(0.5).toString(), QStringLiteral("0.5"));
        QCOMPARE(PlaybackSpeed::realTimeSpeed().toString(), QStringLiteral("real-time"));
        QCOMPARE(PlaybackSpeed::fromString(QStringLiteral("3")), std::nullopt);
        QCOMPARE(PlaybackSpeed::fromString(QStringLiteral("")), std::nullopt);
        QVERIFY(PlaybackSpeed::times(2) != PlaybackSpeed::times(4));
    }

    void preferencesRoundTrip() {
        AppSettings s;
        Preferences p;
        p.theme = ThemeId::Dark;
        p.speed = PlaybackSpeed::times(8);
        p.animationEnabled = false;
        p.animationDurationMs = 600;
        p.stepBudget = 2'000'000;
        s.setPreferences(p);
        QCOMPARE(AppSettings().preferences(), p);
    }

    void dialogShowsAndReturnsValues() {
        Preferences current;
        current.theme = ThemeId::Dark;
        current.speed = PlaybackSpeed::times(0.25);
        current.animationEnabled = false;
        current.animationDurationMs = 300;
        current.stepBudget = 1'234'567;  // not whole thousands: kept when untouched
        SettingsDialog dialog(current);
        QCOMPARE(dialog.preferences(), current);

        // Keyboard: Alt+T focuses the theme, a key press picks the next theme.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* theme = dialog.findChildren<QComboBox*>().at(0);
        QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), theme);
        QTest::keyClick(theme, Qt::Key_Down);
        QCOMPARE(dialog.preferences().theme, ThemeId::Projector);

        auto* animation = dialog.findChild<QCheckBox*>();
        QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);  // the check box's mnemonic toggles it
        QTRY_VERIFY(animation->isChecked());
        QVERIFY(dialog.preferences().animationEnabled);

        // Restore Defaults fills in every default.
        QPushButton* defaults = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::RestoreDefaults);
        QVERIFY(defaults);
        defaults->click();
        QCOMPARE(dialog.preferences(), Preferences{});
    }

    void everyFieldHasAKeyboardLabel() {
        SettingsDialog dialog{Preferences{}};
        int buddies = 0;
        for (QLabel* label : dialog.findChildren<QLabel*>()) {
            if (!label->buddy())
                continue;
            ++buddies;
            QVERIFY2(label->text().contains(QLatin1Char('&')), qPrintable(label->text()));
        }
        QCOMPARE(buddies, 4);  // theme, speed, duration, budget (the check box has its own)
    }

    void budgetEditedInThousands() {
        SettingsDialog dialog{Preferences{}};
        QSpinBox* budget = nullptr;
        for (QSpinBox* box : dialog.findChildren<QSpinBox*>())
            if (box->suffix().contains(QStringLiteral("thousand")))
                budget = box;
        QVERIFY(budget);
        QCOMPARE(budget->value(), 5000);
        budget->setValue(20);
        QCOMPARE(dialog.preferences().stepBudget, quint64(20'000));
    }
};

QTEST_MAIN(TestAppSettings)
#include "tst_app_settings.moc"
