#pragma once
// Plot-agnostic series helpers (the GUI's curves adapt these to QCustomPlot).
#include <cmath>
#include <vector>

namespace ptl {

// TensorBoard's smoothing: an exponential moving average with weight w in [0, 1), debiased
// so the first points are not pulled toward zero: s_t = m_t / (1 - w^t), m_t = w m_{t-1} + (1 - w) x_t.
inline std::vector<double> smoothDebiasedEma(const std::vector<double>& values, double weight)
{
    std::vector<double> out;
    out.reserve(values.size());
    double m = 0, debias = 1;
    for (double x : values) {
        if (!std::isfinite(x)) {
            out.push_back(x);
            continue;
        }
        m = weight * m + (1 - weight) * x;
        debias *= weight;
        out.push_back(weight > 0 ? m / (1 - debias) : x);
    }
    return out;
}

} // namespace ptl
