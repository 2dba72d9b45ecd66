// File > Export as a user drives it: the dialog's controls describe a
// request, and accepting writes the file through the exporter.

#include "core/run/runner.h"
#include "ui/export/export_dialog.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace aw;

class TestExportDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QFile file(QStringLiteral(AWAITSCOPE_SOURCE_DIR "/lessons/01-event-loop-two-fetches/script.py"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const run::RunResult result = run::runScript(file.readAll().toStdString(), "script.py");
        QVERIFY(result.trace);
        auto index = std::make_shared<model::StateIndex>(result.trace);
        index->extend();
        m_index = index;
    }

    void acceptWritesTheCurrentStepAsPng() {
        QTemporaryDir dir;
        ui::ExportDialog dialog(*m_index, 70, QStringLiteral("01 Two fetches"));
        auto* file = dialog.findChild<QLineEdit*>();
        QVERIFY(file);
        const QString path = dir.filePath(QStringLiteral("slide.png"));
        file->setText(path);
        const ui::ExportRequest request = dialog.request();
        QCOMPARE(request.from, model::Step{70});
        QCOMPARE(request.to, model::Step{70});
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.writtenFiles(), QStringList{path});
        QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 400);
    }

    void aRangeAsPdfWritesOneFile() {
        QTemporaryDir dir;
        ui::ExportDialog dialog(*m_index, 70, QStringLiteral("01 Two fetches"));
        auto* range = dialog.findChildren<QRadioButton*>().value(1);
        QVERIFY(range);
        range->setChecked(true);
        const QList<QSpinBox*> spins = dialog.findChildren<QSpinBox*>();
        QVERIFY(spins.size() >= 2);
        spins[0]->setValue(60);
        spins[1]->setValue(64);
        const QString path = dir.filePath(QStringLiteral("steps.pdf"));
        dialog.findChild<QLineEdit*>()->setText(path);
        const ui::ExportRequest request = dialog.request();
        QCOMPARE(request.from, model::Step{60});
        QCOMPARE(request.to, model::Step{64});
        dialog.accept();
        QCOMPARE(dialog.writtenFiles(), QStringList{path});
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
    }

private:
    std::shared_ptr<const model::StateIndex> m_index;
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
