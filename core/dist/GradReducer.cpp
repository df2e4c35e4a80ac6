#include "core/dist/GradReducer.h"
#include "core/util/Error.h"

#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/autograd/functions/accumulate_grad.h>
#include <torch/csrc/distributed/c10d/Work.hpp>

namespace ptl {

struct GradReducer::State {
    DistGroup* group = nullptr;
    struct Bucket {
        torch::Tensor flat;
        std::vector<std::size_t> params;  // indices into params
        int pending = 0;
        bool started = false;
        bool startedInBackward = false;
        c10::intrusive_ptr<c10d::Work> work;
    };
    std::vector<torch::Tensor> params;
    std::vector<torch::Tensor> views;  // each parameter's gradient, a view into its bucket
    std::vector<int> bucketOf;
    std::vector<char> used;            // a gradient arrived this step (any micro-batch)
    std::vector<char> counted;         // counted in during the armed backward
    std::vector<Bucket> buckets;
    std::vector<std::shared_ptr<torch::autograd::Node>> accumulators;  // kept alive: their hooks stay
    bool armed = false;
    int nextToStart = 0;
    int overlapped = 0;
    bool alive = true;

    void ready(std::size_t i)
    {
        if (!alive) return;
        used[i] = 1;
        if (!armed || counted[i]) return;
        counted[i] = 1;
        Bucket& b = buckets[static_cast<std::size_t>(bucketOf[i])];
        if (--b.pending == 0) startReady();
    }

    // Buckets start strictly in order on every rank, so collectives match across ranks.
    void startReady()
    {
        while (nextToStart < static_cast<int>(buckets.size()) && buckets[static_cast<std::size_t>(nextToStart)].pending == 0) {
            start(buckets[static_cast<std::size_t>(nextToStart)], true);
            ++nextToStart;
        }
    }

    void start(Bucket& b, bool inBackward)
    {
        b.work = group->allreduceAsync(b.flat);
        b.started = true;
        b.startedInBackward = inBackward;
    }
};

namespace {

struct ReadyHook : torch::autograd::FunctionPostHook {
    std::weak_ptr<GradReducer::State> st;
    std::size_t index;
    ReadyHook(std::weak_ptr<GradReducer::State> s, std::size_t i) : st(std::move(s)), index(i) {}
    torch::autograd::variable_list operator()(const torch::autograd::variable_list& outputs, const torch::autograd::variable_list&) override
    {
        if (auto s = st.lock()) s->ready(index);
        return outputs;
    }
};

} // namespace

GradReducer::GradReducer(DistGroup& group, const std::vector<std::pair<std::string, torch::Tensor>>& params, std::size_t bucketBytes)
    : st_(std::make_shared<State>())
{
    st_->group = &group;
    const std::size_t n = params.size();
    st_->params.reserve(n);
    for (const auto& [name, p] : params) {
        if (p.scalar_type() != torch::kFloat32 || !p.is_contiguous())
            throw Error("data-parallel training needs contiguous fp32 parameters; '" + name + "' is not");
        st_->params.push_back(p);
    }
    st_->bucketOf.assign(n, -1);
    st_->used.assign(n, 0);
    st_->counted.assign(n, 0);
    st_->views.resize(n);
    // Reverse order: the head's and the top layers' gradients are final first.
    std::vector<std::vector<std::size_t>> groups;
    std::size_t bytes = 0;
    for (std::size_t k = n; k-- > 0;) {
        const std::size_t b = static_cast<std::size_t>(params[k].second.numel()) * sizeof(float);
        if (groups.empty() || (bytes + b > bucketBytes && !groups.back().empty())) {
            groups.emplace_back();
            bytes = 0;
        }
        groups.back().push_back(k);
        bytes += b;
    }
    for (const auto& g : groups) {
        State::Bucket bucket;
        std::int64_t total = 0;
        for (auto k : g) total += params[k].second.numel();
        bucket.flat = torch::zeros({total}, torch::kFloat32);
        std::int64_t off = 0;
        for (auto k : g) {
            const auto& p = params[k].second;
            st_->views[k] = bucket.flat.narrow(0, off, p.numel()).view(p.sizes());
            st_->bucketOf[k] = static_cast<int>(st_->buckets.size());
            off += p.numel();
        }
        bucket.params = g;
        st_->buckets.push_back(std::move(bucket));
    }
    for (std::size_t k = 0; k < n; ++k) {
        const auto& p = st_->params[k];
        if (!p.requires_grad()) continue;
        auto acc = torch::autograd::impl::grad_accumulator(p);
        if (!acc) continue;
        acc->add_post_hook(std::make_unique<ReadyHook>(st_, k));
        st_->accumulators.push_back(std::move(acc));
    }
    zeroGrad();
}

GradReducer::~GradReducer()
{
    st_->alive = false;
    for (auto& b : st_->buckets)
        if (b.work) {
            try {
                b.work->wait();
            } catch (...) {
            }
        }
}

void GradReducer::zeroGrad()
{
    for (auto& b : st_->buckets) {
        b.flat.zero_();
        b.started = b.startedInBackward = false;
        b.work.reset();
    }
    for (std::size_t k = 0; k < st_->params.size(); ++k) {
        auto& p = st_->params[k];
        if (!p.grad().defined() || !p.grad().is_same(st_->views[k])) p.mutable_grad() = st_->views[k];
        st_->used[k] = 0;
        st_->counted[k] = 0;
    }
    st_->armed = false;
    st_->nextToStart = 0;
}

void GradReducer::arm()
{
    for (auto& b : st_->buckets) b.pending = static_cast<int>(b.params.size());
    std::fill(st_->counted.begin(), st_->counted.end(), 0);
    st_->nextToStart = 0;
    st_->armed = true;
}

void GradReducer::finish()
{
    st_->armed = false;
    st_->overlapped = 0;
    for (std::size_t i = static_cast<std::size_t>(st_->nextToStart); i < st_->buckets.size(); ++i) st_->start(st_->buckets[i], false);
    st_->nextToStart = static_cast<int>(st_->buckets.size());
    for (auto& b : st_->buckets) {
        st_->group->wait(b.work);
        b.work.reset();
        if (b.startedInBackward) ++st_->overlapped;
    }
    // Which parameters any rank gave a gradient: the others get none, as in one process.
    auto used = torch::empty({static_cast<std::int64_t>(st_->used.size())}, torch::kInt64);
    for (std::size_t k = 0; k < st_->used.size(); ++k) used.data_ptr<std::int64_t>()[k] = st_->used[k];
    st_->group->allreduce(used);
    for (std::size_t k = 0; k < st_->used.size(); ++k)
        if (used.data_ptr<std::int64_t>()[k] == 0) st_->params[k].mutable_grad() = torch::Tensor();
}

int GradReducer::bucketCount() const { return static_cast<int>(st_->buckets.size()); }

std::size_t GradReducer::totalBytes() const
{
    std::size_t n = 0;
    for (const auto& b : st_->buckets) n += static_cast<std::size_t>(b.flat.numel()) * sizeof(float);
    return n;
}

int GradReducer::overlappedLastStep() const { return st_->overlapped; }

} // namespace ptl
