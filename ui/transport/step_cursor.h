#pragma once
// The step the window shows, over the run it shows: every view follows it,
// every transport action moves it. Moves go through StepQueries (next event,
// next line, next loop iteration...), so the keyboard, the buttons and the
// slider all step the same way. A move that finds nothing stays put and
// returns false (at the end, "step forward" does nothing).

#include "core/model/state_index.h"
#include "core/model/step_queries.h"

#include <QObject>

#include <memory>
#include <optional>

namespace aw::ui {

class StepCursor : public QObject {
    Q_OBJECT
public:
    explicit StepCursor(QObject* parent = nullptr);

    // Shows a new run (null: none) at `step` (clamped to its last step).
    void setRun(std::shared_ptr<const model::StateIndex> index, model::Step step = 0);
    const std::shared_ptr<const model::StateIndex>& index() const { return m_index; }
    bool hasRun() const { return m_index && !m_index->empty(); }

    model::Step step() const { return m_step; }
    model::Step lastStep() const { return hasRun() ? m_index->lastStep() : 0; }
    bool atEnd() const { return !hasRun() || m_step >= lastStep(); }
    double clock() const { return hasRun() ? m_index->clockAt(m_step) : 0.0; }

    bool setStep(model::Step step);   // clamped; false when it did not move
    bool restart() { return setStep(0); }
    bool toEnd() { return setStep(lastStep()); }
    bool forward();             // next event
    bool back();                // previous event
    bool lineForward();         // next line run (by any task or the top level)
    bool lineBack();
    bool nextIteration();       // next loop iteration
    bool previousIteration();

signals:
    void runChanged();                                          // setRun()
    void stepChanged(model::Step step, model::Step previous);   // every move, and after runChanged

private:
    bool moveTo(std::optional<model::Step> step);

    std::shared_ptr<const model::StateIndex> m_index;
    std::optional<model::StepQueries> m_queries;
    model::Step m_step = 0;
};

}  // namespace aw::ui
