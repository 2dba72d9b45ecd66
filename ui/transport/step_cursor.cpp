#include "ui/transport/step_cursor.h"

namespace aw::ui {

StepCursor::StepCursor(QObject* parent) : QObject(parent) {}

void StepCursor::setRun(std::shared_ptr<const model::StateIndex> index, model::Step step) {
    m_queries.reset();
    m_index = std::move(index);
    if (m_index)
        m_queries.emplace(*m_index);
    const model::Step previous = m_step;
    m_step = qMin(step, lastStep());
    emit runChanged();
    emit stepChanged(m_step, previous);
}

bool StepCursor::setStep(model::Step step) {
    if (!hasRun())
        return false;
    step = qMin(step, lastStep());
    if (step == m_step)
        return false;
    const model::Step previous = m_step;
    m_step = step;
    emit stepChanged(m_step, previous);
    return true;
}

bool StepCursor::moveTo(std::optional<model::Step> step) {
    return step && setStep(*step);
}

bool StepCursor::forward() {
    return hasRun() && moveTo(m_queries->nextEvent(m_step));
}

bool StepCursor::back() {
    return hasRun() && moveTo(m_queries->previousEvent(m_step));
}

bool StepCursor::lineForward() {
    return hasRun() && moveTo(m_queries->nextLine(m_step));
}

bool StepCursor::lineBack() {
    return hasRun() && moveTo(m_queries->previousLine(m_step));
}

bool StepCursor::nextIteration() {
    return hasRun() && moveTo(m_queries->nextIteration(m_step));
}

bool StepCursor::previousIteration() {
    return hasRun() && moveTo(m_queries->previousIteration(m_step));
}

}  // namespace aw::ui
