#include "core/model/Dropout.h"
#include "core/kernels/Random.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>

namespace ptl {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

class DropoutFunction : public torch::autograd::Function<DropoutFunction> {
public:
    // The mask holds 0 or 1 / (1 - p) in x's dtype, so forward and backward are each one
    // vectorized multiply; generating it writes one of two precomputed values per element.
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, double p)
    {
        const std::uint64_t seed = kernels::drawSeed();
        auto mask = torch::empty(x.sizes(), x.options().memory_format(at::MemoryFormat::Contiguous));
        const double keepProb = 1.0 - p;
        // One hash gives four 16-bit uniforms: keep when u < keepProb * 65536.
        const auto threshold = kernels::keepThreshold(keepProb);
        const int64_t n = mask.numel();
        AT_DISPATCH_FLOATING_TYPES_AND(at::kBFloat16, mask.scalar_type(), "ptl_dropout_mask", [&] {
            const scalar_t kept = static_cast<scalar_t>(1.0 / keepProb), dropped = static_cast<scalar_t>(0);
            scalar_t* m = mask.data_ptr<scalar_t>();
            const int64_t groups = (n + 3) / 4;
            at::parallel_for(0, groups, 8192, [&](int64_t begin, int64_t end) {
                for (int64_t gi = begin; gi < end; ++gi) {
                    const std::uint64_t h = kernels::splitmix64(seed + static_cast<std::uint64_t>(gi));
                    const int64_t base = gi * 4;
                    const int64_t lim = std::min<int64_t>(4, n - base);
                    for (int64_t k = 0; k < lim; ++k)
                        m[base + k] = static_cast<std::uint32_t>((h >> (16 * k)) & 0xffffu) < threshold ? kept : dropped;
                }
            });
        });
        ctx->save_for_backward({mask});
        return x * mask;
    }

    static tensor_list backward(AutogradContext* ctx, tensor_list grads)
    {
        const auto mask = ctx->get_saved_variables()[0];
        return {grads[0] * mask, torch::Tensor()};
    }
};

} // namespace

torch::Tensor dropout(const torch::Tensor& x, double p, bool training)
{
    if (!training || p <= 0.0) return x;
    if (p >= 1.0) return torch::zeros_like(x);
    return DropoutFunction::apply(x, p);
}

} // namespace ptl
