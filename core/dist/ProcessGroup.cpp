#include "core/dist/ProcessGroup.h"
#include "core/util/Error.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include <c10/util/Exception.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

namespace ptl {

namespace {

std::string what(const std::exception& e)
{
    if (const auto* ce = dynamic_cast<const c10::Error*>(&e)) return ce->what_without_backtrace();
    return e.what();
}

std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }
std::string text(const std::vector<std::uint8_t>& b) { return {b.begin(), b.end()}; }

} // namespace

std::string routeAddressTo(const std::string& host)
{
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* res = nullptr;
    if (::getaddrinfo(host.c_str(), "9", &hints, &res) != 0 || !res)
        throw Error("cannot resolve MASTER_ADDR '" + host + "'", "use rank 0's IP address or a host name every machine resolves");
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    std::string out;
    if (fd >= 0 && ::connect(fd, res->ai_addr, res->ai_addrlen) == 0) {
        sockaddr_in local{};
        socklen_t len = sizeof local;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) == 0) {
            char buf[INET_ADDRSTRLEN] = {};
            if (::inet_ntop(AF_INET, &local.sin_addr, buf, sizeof buf)) out = buf;
        }
    }
    if (fd >= 0) ::close(fd);
    ::freeaddrinfo(res);
    if (out.empty()) throw Error("no network route from this machine to MASTER_ADDR '" + host + "'", "set GLOO_SOCKET_IFNAME to the interface to use");
    return out;
}

DistGroup::DistGroup(const DistEnv& env, std::chrono::milliseconds timeout) : env_(env), timeout_(timeout)
{
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(env.masterPort);
        so.isServer = env.rank == 0 && !env.agentStore;
        so.numWorkers = env.agentStore ? c10::nullopt : c10::optional<std::size_t>(static_cast<std::size_t>(env.world));
        so.waitWorkers = false;
        // The store waits as long as a rank may take to read its corpus before the first step
        // (ranks start together but need not be ready together); collectives use `timeout`.
        so.timeout = std::max<std::chrono::milliseconds>(timeout, std::chrono::minutes(10));
        auto tcp = c10::make_intrusive<c10d::TCPStore>(env.masterAddr, so);
        store_ = c10::make_intrusive<c10d::PrefixStore>("pretrainlab", tcp);
    } catch (const std::exception& e) {
        throw Error("rank " + std::to_string(env.rank) + " cannot reach the rendezvous store at " + env.masterAddr + ":" +
                        std::to_string(env.masterPort) + ": " + what(e),
                    env.rank == 0 ? "is the port free? choose another MASTER_PORT" : "is rank 0 running, and is MASTER_ADDR its address?");
    }
    auto options = c10d::ProcessGroupGloo::Options::create(timeout);
    if (!env.ifname.empty()) {
        address_ = env.ifname;
        try {
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(env.ifname));
        } catch (const std::exception& e) {
            throw Error("GLOO_SOCKET_IFNAME=" + env.ifname + ": " + what(e), "name an interface this machine has ('ip -brief address')");
        }
    } else {
        address_ = routeAddressTo(env.masterAddr);
        options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(address_));
    }
    options->threads = 2;
    try {
        pg_ = c10::make_intrusive<c10d::ProcessGroupGloo>(store_, env.rank, env.world, options);
    } catch (const std::exception& e) {
        throw Error("rank " + std::to_string(env.rank) + " could not connect to the other " + std::to_string(env.world - 1) +
                        " ranks within " + std::to_string(timeout.count() / 1000) + " s: " + what(e),
                    "start every rank (the same command, WORLD_SIZE=" + std::to_string(env.world) + "), or raise dist_timeout");
    }
}

DistGroup::~DistGroup() = default;

std::string DistGroup::describe() const
{
    return "rank " + std::to_string(env_.rank) + " of " + std::to_string(env_.world) + (env_.launcher.empty() ? "" : " (" + env_.launcher + ")") +
           ", Gloo on " + address_;
}

void DistGroup::wait(const c10::intrusive_ptr<c10d::Work>& work)
{
    try {
        work->wait();
    } catch (const std::exception& e) {
        throw PeerFailure(what(e));
    }
}

c10::intrusive_ptr<c10d::Work> DistGroup::allreduceAsync(torch::Tensor t)
{
    std::vector<at::Tensor> ts{std::move(t)};
    try {
        return pg_->allreduce(ts);
    } catch (const std::exception& e) {
        throw PeerFailure(what(e));
    }
}

void DistGroup::allreduce(torch::Tensor& t) { wait(allreduceAsync(t)); }

std::vector<double> DistGroup::sum(std::vector<double> values)
{
    if (values.empty()) return values;
    auto t = torch::from_blob(values.data(), {static_cast<std::int64_t>(values.size())}, torch::kFloat64).clone();
    allreduce(t);
    std::memcpy(values.data(), t.data_ptr<double>(), values.size() * sizeof(double));
    return values;
}

void DistGroup::broadcast(torch::Tensor& t, int root)
{
    std::vector<at::Tensor> ts{t};
    c10d::BroadcastOptions o;
    o.rootRank = root;
    try {
        wait(pg_->broadcast(ts, o));
    } catch (const PeerFailure&) {
        throw;
    } catch (const std::exception& e) {
        throw PeerFailure(what(e));
    }
}

std::string DistGroup::broadcastString(const std::string& key, const std::string& value)
{
    try {
        if (leader()) {
            store_->set(key, bytes(value));
            return value;
        }
        return text(store_->get(key));  // waits for the key, up to the store's timeout
    } catch (const std::exception& e) {
        throw PeerFailure("the rendezvous store did not give '" + key + "': " + what(e));
    }
}

void DistGroup::barrierThroughStore(const std::string& name)
{
    try {
        store_->set("ready/" + name + "/" + std::to_string(env_.rank), bytes("1"));
        const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(10);
        for (;;) {
            int ready = 0;
            for (int r = 0; r < env_.world; ++r) {
                if (store_->check({"failed/" + std::to_string(r)}))
                    throw PeerFailure("rank " + std::to_string(r) + " could not start: " + text(store_->get("failed/" + std::to_string(r))));
                ready += store_->check({"ready/" + name + "/" + std::to_string(r)}) ? 1 : 0;
            }
            if (ready == env_.world) return;
            if (std::chrono::steady_clock::now() > until) throw PeerFailure("not every rank arrived at '" + name + "' within 10 minutes");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    } catch (const PeerFailure&) {
        throw;
    } catch (const std::exception& e) {
        throw PeerFailure("not every rank arrived at '" + name + "': " + what(e));
    }
}

void DistGroup::reportFailure(const std::string& message)
{
    try {
        store_->set("failed/" + std::to_string(env_.rank), bytes(message.substr(0, 2000)));
    } catch (const std::exception&) {
        // the store is gone too: the others notice the lost connection instead
    }
}

void DistGroup::beat(std::int64_t progress)
{
    try {
        store_->set("beat/" + std::to_string(env_.rank), bytes(std::to_string(progress)));
    } catch (const std::exception&) {
        // the store is gone (its host died): the next collective fails and says so
    }
}

std::string DistGroup::whoFailed(std::int64_t progress)
{
    auto where = [](long p) {
        return (p % 2 ? "last seen waiting for the gradients of step " : "last seen computing step ") + std::to_string(p / 2 + 1);
    };
    // Every rank that survived the failure says so in the store; a rank that does not
    // within two seconds has died or hangs.
    std::vector<std::string> gone;
    try {
        store_->setTimeout(std::chrono::milliseconds(2000));
        store_->set("alive-after-failure/" + std::to_string(env_.rank), bytes("1"));
        std::vector<int> silent;
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        do {
            silent.clear();
            for (int r = 0; r < env_.world; ++r)
                if (r != env_.rank && !store_->check({"alive-after-failure/" + std::to_string(r)})) silent.push_back(r);
            if (!silent.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        } while (!silent.empty() && std::chrono::steady_clock::now() < until);
        for (int r : silent) {
            const std::string key = "beat/" + std::to_string(r);
            std::string seen = "it never began a step";
            if (store_->check({key})) seen = where(std::stol(text(store_->get(key))));
            gone.push_back("rank " + std::to_string(r) + " (it stopped answering; " + seen + ")");
        }
    } catch (const std::exception&) {
        return env_.agentStore ? "a rank, and the launcher's store stopped answering" : "rank 0 (its rendezvous store stopped answering too)";
    }
    if (gone.empty()) return "a rank (every rank answered after the failure: the network between them failed, or a collective timed out; this rank was " +
                              where(static_cast<long>(progress)) + ")";
    std::string out;
    for (std::size_t i = 0; i < gone.size(); ++i) out += (i ? ", " : "") + gone[i];
    return out;
}

} // namespace ptl
