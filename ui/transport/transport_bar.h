#pragma once
// The transport bar: restart, step back/forward by event, by line (Shift),
// by loop iteration (Ctrl), play/pause with its speed, a slider over every
// step, the step number and the virtual clock. Every button is a QAction with
// a shortcut that its tooltip names; the window lists the same actions in its
// Step menu. The bar only moves the StepCursor; the window follows it.

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace aw::ui {

class Playback;
class StepCursor;
struct PlaybackSpeed;

class TransportBar : public QToolBar {
    Q_OBJECT
public:
    TransportBar(StepCursor* cursor, Playback* playback, QWidget* parent = nullptr);

    // In menu order (separators as null): what the window's Step menu shows.
    QList<QAction*> menuActions() const;

    QAction* restartAction() const { return m_restart; }
    QAction* backAction() const { return m_back; }
    QAction* forwardAction() const { return m_forward; }
    QAction* lineBackAction() const { return m_lineBack; }
    QAction* lineForwardAction() const { return m_lineForward; }
    QAction* previousIterationAction() const { return m_previousIteration; }
    QAction* nextIterationAction() const { return m_nextIteration; }
    QAction* playAction() const { return m_play; }
    QAction* endAction() const { return m_end; }
    QAction* fasterAction() const { return m_faster; }
    QAction* slowerAction() const { return m_slower; }
    QSlider* slider() const { return m_slider; }
    QComboBox* speedBox() const { return m_speedBox; }
    QString stepText() const;    // "Step 12 / 169"
    QString clockText() const;   // "2.000 s"

private:
    QAction* make(const QString& text, const QString& tip, const QList<QKeySequence>& keys);
    void updatePosition();
    void updateEnabled();
    void showSpeed(const PlaybackSpeed& speed);

    StepCursor* m_cursor;
    Playback* m_playback;
    QAction* m_restart = nullptr;
    QAction* m_back = nullptr;
    QAction* m_forward = nullptr;
    QAction* m_lineBack = nullptr;
    QAction* m_lineForward = nullptr;
    QAction* m_previousIteration = nullptr;
    QAction* m_nextIteration = nullptr;
    QAction* m_play = nullptr;
    QAction* m_end = nullptr;
    QAction* m_faster = nullptr;
    QAction* m_slower = nullptr;
    QSlider* m_slider = nullptr;
    QComboBox* m_speedBox = nullptr;
    QLabel* m_stepLabel = nullptr;
    QLabel* m_clockLabel = nullptr;
};

}  // namespace aw::ui
