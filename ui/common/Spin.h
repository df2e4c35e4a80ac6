#pragma once
// Spin boxes set up in one call, for the panels' forms.
#include <QDoubleSpinBox>
#include <QSpinBox>

namespace ptl::ui {

inline QDoubleSpinBox* realSpin(QWidget* parent, double lo, double hi, int decimals, double value, double step)
{
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    return s;
}

inline QSpinBox* intSpin(QWidget* parent, int lo, int hi, int value)
{
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    return s;
}

} // namespace ptl::ui
