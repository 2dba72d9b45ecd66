#include "ui/export/export_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace aw::ui {

namespace {

QString safeFileName(const QString& title) {
    QString name;
    for (QChar c : title)
        name += c.isLetterOrNumber() ? c.toLower() : QChar('-');
    while (name.contains(QStringLiteral("--")))
        name.replace(QStringLiteral("--"), QStringLiteral("-"));
    name = name.mid(name.startsWith('-') ? 1 : 0);
    if (name.endsWith('-'))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("awaitscope") : name;
}
}  // namespace

ExportDialog::ExportDialog(const model::StateIndex& index, model::Step current, QString title, QWidget* parent)
    : QDialog(parent), m_index(index), m_current(current), m_title(std::move(title)) {
    setWindowTitle(tr("Export pictures"));
    const int lastStep = static_cast<int>(std::min<model::Step>(m_index.lastStep(), std::numeric_limits<int>::max()));
    const int currentStep = static_cast<int>(std::min<model::Step>(current, static_cast<model::Step>(lastStep)));
    QSettings settings;

    m_view = new QComboBox(this);
    m_view->addItem(tr("Stage"), int(ExportView::Stage));
    m_view->addItem(tr("Timeline"), int(ExportView::Timeline));
    m_view->addItem(tr("Stage and timeline"), int(ExportView::Both));
    m_view->setCurrentIndex(settings.value(QStringLiteral("export/view"), 0).toInt());

    m_currentStep = new QRadioButton(tr("Current step (%1)").arg(currentStep), this);
    m_range = new QRadioButton(tr("Steps"), this);
    m_currentStep->setChecked(true);
    m_from = new QSpinBox(this);
    m_to = new QSpinBox(this);
    for (QSpinBox* box : {m_from, m_to}) {
        box->setRange(0, lastStep);
        box->setAccelerated(true);
    }
    m_from->setValue(currentStep);
    m_to->setValue(std::min(lastStep, currentStep + 20));
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_range);
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(new QLabel(tr("to"), this));
    rangeRow->addWidget(m_to);
    rangeRow->addStretch();

    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG image"), QStringLiteral("png"));
    m_format->addItem(tr("SVG drawing"), QStringLiteral("svg"));
    m_format->addItem(tr("PDF (a page per step)"), QStringLiteral("pdf"));
    m_format->addItem(tr("Animated GIF"), QStringLiteral("gif"));
    m_format->setCurrentIndex(m_format->findData(settings.value(QStringLiteral("export/format"), "png")));

    m_width = new QSpinBox(this);
    m_width->setRange(400, 8000);
    m_width->setSingleStep(100);
    m_width->setSuffix(tr(" px"));
    m_width->setValue(settings.value(QStringLiteral("export/width"), 1600).toInt());
    m_scale = new QDoubleSpinBox(this);
    m_scale->setRange(0.5, 4.0);
    m_scale->setSingleStep(0.5);
    m_scale->setDecimals(1);
    m_scale->setPrefix(QStringLiteral("× "));
    m_scale->setValue(settings.value(QStringLiteral("export/scale"), 1.0).toDouble());
    m_scale->setToolTip(
        tr("PNG and GIF: 2 makes a crisp picture for high-resolution projectors (twice the pixels, same layout)"));

    m_theme = new QComboBox(this);
    for (ThemeId id : {ThemeId::Light, ThemeId::Dark, ThemeId::Projector})
        m_theme->addItem(themeName(id), int(id));
    m_theme->setCurrentIndex(settings.value(QStringLiteral("export/theme"), 0).toInt());

    m_file = new QLineEdit(this);
    const QString folder = settings.value(QStringLiteral("export/folder"), QDir::homePath()).toString();
    m_file->setText(QDir(folder).filePath(safeFileName(m_title) + '.' + m_format->currentData().toString()));
    auto* browse = new QPushButton(tr("Choose…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&View:"), m_view);
    form->addRow(tr("Step:"), m_currentStep);
    form->addRow(QString(), rangeRow);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(tr("&Scale:"), m_scale);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("F&ile:"), fileRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    // The format follows the file's suffix and the other way round.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const QString suffix = m_format->currentData().toString();
        QFileInfo info(m_file->text());
        if (exportFormatOf(m_file->text()) != suffix)
            m_file->setText(QDir(info.path()).filePath(info.completeBaseName() + '.' + suffix));
        updateEnabled();
    });
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        const int i = m_format->findData(exportFormatOf(m_file->text()));
        if (i >= 0 && i != m_format->currentIndex())
            m_format->setCurrentIndex(i);
        updateEnabled();
    });
    for (QRadioButton* b : {m_currentStep, m_range})
        connect(b, &QRadioButton::toggled, this, &ExportDialog::updateEnabled);
    for (QSpinBox* b : {m_from, m_to})
        connect(b, &QSpinBox::valueChanged, this, &ExportDialog::updateEnabled);
    connect(m_view, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
    updateEnabled();
}

ExportRequest ExportDialog::request() const {
    ExportRequest r;
    r.view = static_cast<ExportView>(m_view->currentData().toInt());
    if (m_range->isChecked()) {
        r.from = static_cast<model::Step>(std::min(m_from->value(), m_to->value()));
        r.to = static_cast<model::Step>(std::max(m_from->value(), m_to->value()));
    } else {
        r.from = r.to = std::min(m_current, m_index.lastStep());
    }
    r.file = m_file->text().trimmed();
    r.width = m_width->value();
    r.scale = m_scale->value();
    r.theme = static_cast<ThemeId>(m_theme->currentData().toInt());
    r.title = m_title;
    return r;
}

void ExportDialog::chooseFile() {
    const QString suffix = m_format->currentData().toString();
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export to"), m_file->text(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;Animated GIF (*.gif)"), nullptr);
    if (file.isEmpty())
        return;
    m_file->setText(exportFormatOf(file).isEmpty() ? file + '.' + suffix : file);
}

void ExportDialog::updateEnabled() {
    const QString format = exportFormatOf(m_file->text());
    const bool range = m_range->isChecked();
    m_from->setEnabled(range);
    m_to->setEnabled(range);
    m_scale->setEnabled(format == QLatin1String("png") || format == QLatin1String("gif"));
    const ExportRequest r = request();
    const model::Step steps = r.to - r.from + 1;
    QString text;
    if (format.isEmpty())
        text = tr("Name the file with .png, .svg, .pdf or .gif: the suffix picks the format.");
    else if (format == QLatin1String("pdf"))
        text = tr("%n page(s), one per step.", nullptr, int(steps));
    else if (format == QLatin1String("gif"))
        text = tr("An animation of %n frame(s).", nullptr, gifFrameCount(r));
    else if (steps > 1)
        text = tr("%1 files: %2-0001.%3 …").arg(steps).arg(QFileInfo(r.file).completeBaseName(), format);
    else
        text = tr("One picture, %1 px wide.").arg(qRound(r.width * (format == QLatin1String("png") ? r.scale : 1.0)));
    m_summary->setText(text);
}

void ExportDialog::accept() {
    const ExportRequest r = request();
    if (exportFormatOf(r.file).isEmpty()) {
        QMessageBox::warning(this, tr("Export"), tr("Name the file with .png, .svg, .pdf or .gif."));
        return;
    }
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    const ExportResult result = exportPictures(m_index, r, [&](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    });
    progress.reset();
    if (!result.ok) {
        if (result.error != QLatin1String("cancelled"))
            QMessageBox::warning(this, tr("Export"), result.error);
        return;
    }
    m_written = result.files;
    QSettings settings;
    settings.setValue(QStringLiteral("export/view"), m_view->currentIndex());
    settings.setValue(QStringLiteral("export/format"), m_format->currentData());
    settings.setValue(QStringLiteral("export/width"), m_width->value());
    settings.setValue(QStringLiteral("export/scale"), m_scale->value());
    settings.setValue(QStringLiteral("export/theme"), m_theme->currentIndex());
    settings.setValue(QStringLiteral("export/folder"), QFileInfo(r.file).absolutePath());
    QDialog::accept();
}

}  // namespace aw::ui
