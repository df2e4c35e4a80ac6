#pragma once
// The ranks of a data-parallel run, met through PyTorch's c10d: a TCPStore at MASTER_ADDR:
// MASTER_PORT for the rendezvous (rank 0 hosts it, or torchrun's agent does) and a
// ProcessGroupGloo for the collectives, over the interface GLOO_SOCKET_IFNAME names or
// the one that routes to the master (never the loopback alias of the host name, unless the
// master is this machine's loopback). Every collective waits at most the run's timeout, so
// a rank that dies or hangs ends the run on the others instead of freezing them.
#include "core/dist/DistEnv.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace c10d {
class Store;
class ProcessGroupGloo;
class Work;
} // namespace c10d

namespace ptl {

// A failed collective (a rank died, hung past the timeout, or refused to start).
struct PeerFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class DistGroup {
public:
    // Meets the other ranks; throws ptl::Error when they do not all arrive within timeout.
    DistGroup(const DistEnv& env, std::chrono::milliseconds timeout);
    ~DistGroup();
    DistGroup(const DistGroup&) = delete;
    DistGroup& operator=(const DistGroup&) = delete;

    int rank() const { return env_.rank; }
    int world() const { return env_.world; }
    bool leader() const { return env_.rank == 0; }
    const DistEnv& env() const { return env_; }
    std::chrono::milliseconds timeout() const { return timeout_; }
    // "rank 1 of 2 (torchrun), Gloo on 10.0.0.2 (eth0)"
    std::string describe() const;

    // In place, the sum over ranks (fp32, fp64 or int64, contiguous). Throws PeerFailure.
    void allreduce(torch::Tensor& t);
    // Started now, finished by wait(); the tensor must stay alive until then.
    c10::intrusive_ptr<c10d::Work> allreduceAsync(torch::Tensor t);
    void wait(const c10::intrusive_ptr<c10d::Work>& work);
    std::vector<double> sum(std::vector<double> values);
    void broadcast(torch::Tensor& t, int root = 0);
    // Waits (up to 10 minutes, through the store) until every rank has called it with
    // `name`: before the first collective, so that a rank still reading its corpus does not
    // make the others' collective time out.
    void barrierThroughStore(const std::string& name);
    // This rank failed (before or between collectives): the others waiting in
    // barrierThroughStore stop at once with its message.
    void reportFailure(const std::string& message);
    // The leader's string on every rank (through the rendezvous store).
    std::string broadcastString(const std::string& key, const std::string& value);

    // How far each rank has come, kept in the store so a failure can name the rank that
    // stopped answering: 2 x step while it computes a step, 2 x step + 1 once it waits for
    // the other ranks' gradients.
    void beat(std::int64_t progress);
    // After a failed collective at `progress`: which ranks are behind, in words.
    std::string whoFailed(std::int64_t progress);

private:
    DistEnv env_;
    std::chrono::milliseconds timeout_;
    std::string address_;
    c10::intrusive_ptr<c10d::Store> store_;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> pg_;
};

// The local address this machine uses to reach host (a UDP "connect", nothing is sent).
std::string routeAddressTo(const std::string& host);

} // namespace ptl
