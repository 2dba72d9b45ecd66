#pragma once
// File > Export: which view (stage, timeline, both), the current step or a
// range, the format (PNG/SVG/PDF/GIF, by the file's suffix), the width and
// PNG scale, the theme and the file; runs ui/export/exporter.h with a
// progress dialog (cancellable) for long ranges and reports errors in a
// message box. The main window opens it modally:
//     ExportDialog dialog(*index, currentStep, lessonTitle, this);
//     dialog.exec();

#include "core/model/state_index.h"
#include "ui/export/exporter.h"

#include <QDialog>

class QComboBox;
class QSpinBox;
class QDoubleSpinBox;
class QLineEdit;
class QRadioButton;
class QLabel;

namespace aw::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // `index` must outlive the dialog. `title` is the lesson's name or the file's.
    ExportDialog(const model::StateIndex& index, model::Step current, QString title, QWidget* parent = nullptr);

    // The request the controls describe now (public for tests).
    ExportRequest request() const;
    // The files the last successful export wrote.
    const QStringList& writtenFiles() const { return m_written; }

public slots:
    void accept() override;  // runs the export; stays open on error

private:
    void chooseFile();
    void updateEnabled();

    const model::StateIndex& m_index;
    model::Step m_current;
    QString m_title;
    QStringList m_written;

    QComboBox* m_view = nullptr;
    QRadioButton* m_currentStep = nullptr;
    QRadioButton* m_range = nullptr;
    QSpinBox* m_from = nullptr;
    QSpinBox* m_to = nullptr;
    QComboBox* m_format = nullptr;
    QSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_scale = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_file = nullptr;
    QLabel* m_summary = nullptr;
};

}  // namespace aw::ui
