#pragma once
// bf16 autocast on CPU for a scope (fp32 master weights stay in the model).
#include <ATen/autocast_mode.h>

namespace ptl {

class AutocastScope {
public:
    explicit AutocastScope(bool on) : on_(on)
    {
        if (!on_) return;
        prev_ = at::autocast::is_cpu_enabled();
        at::autocast::set_cpu_enabled(true);
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::increment_nesting();
    }
    ~AutocastScope()
    {
        if (!on_) return;
        if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
        at::autocast::set_cpu_enabled(prev_);
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool on_;
    bool prev_ = false;
};

} // namespace ptl
