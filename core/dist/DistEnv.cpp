#include "core/dist/DistEnv.h"
#include "core/util/Error.h"

#include <cstdlib>
#include <optional>

namespace ptl {

namespace {

std::optional<long> intVar(const std::function<const char*(const char*)>& getenv, const char* name)
{
    const char* v = getenv(name);
    if (!v) return std::nullopt;
    const std::string s(v);
    char* end = nullptr;
    const long n = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || end == s.c_str() || *end != '\0')
        throw Error(std::string("environment variable ") + name + "='" + s + "' is not a whole number",
                    "the launcher sets it; check the command that started this process");
    return n;
}

std::string strVar(const std::function<const char*(const char*)>& getenv, const char* name)
{
    const char* v = getenv(name);
    return v ? std::string(v) : std::string();
}

} // namespace

DistEnv parseDistEnv(const std::function<const char*(const char*)>& getenv)
{
    DistEnv e;
    const auto rank = intVar(getenv, "RANK"), world = intVar(getenv, "WORLD_SIZE"), local = intVar(getenv, "LOCAL_RANK");
    const auto ompiRank = intVar(getenv, "OMPI_COMM_WORLD_RANK"), ompiSize = intVar(getenv, "OMPI_COMM_WORLD_SIZE"),
               ompiLocal = intVar(getenv, "OMPI_COMM_WORLD_LOCAL_RANK");
    const auto pmiRank = intVar(getenv, "PMI_RANK"), pmiSize = intVar(getenv, "PMI_SIZE");
    const auto mpiLocal = intVar(getenv, "MPI_LOCALRANKID");

    const auto localWorld = intVar(getenv, "LOCAL_WORLD_SIZE"), ompiLocalSize = intVar(getenv, "OMPI_COMM_WORLD_LOCAL_SIZE"),
               mpiLocalSize = intVar(getenv, "MPI_LOCALNRANKS");
    std::optional<long> r, w, l, lw;
    if (rank || world) {
        if (!rank) throw Error("WORLD_SIZE is set but RANK is not", "a launcher sets both (torchrun does); set RANK to this process's rank, 0 to WORLD_SIZE-1");
        if (!world) throw Error("RANK is set but WORLD_SIZE is not", "set WORLD_SIZE to the number of processes of the run");
        r = rank, w = world, l = local, lw = localWorld;
        e.launcher = "torchrun";
    }
    auto agree = [&](const std::optional<long>& a, const std::optional<long>& b, const char* what, const char* nameB) {
        if (a && b && *a != *b)
            throw Error(std::string("the launchers disagree on the ") + what + ": " + std::to_string(*a) + " from torchrun's variables, " +
                            std::to_string(*b) + " from " + nameB,
                        "start the program with one launcher, or unset the other's variables");
    };
    if (ompiRank || ompiSize) {
        if (!ompiRank || !ompiSize) throw Error("only one of OMPI_COMM_WORLD_RANK and OMPI_COMM_WORLD_SIZE is set", "start the program with mpirun");
        agree(r, ompiRank, "rank", "OMPI_COMM_WORLD_RANK");
        agree(w, ompiSize, "world size", "OMPI_COMM_WORLD_SIZE");
        if (!r) {
            r = ompiRank, w = ompiSize, l = ompiLocal, lw = ompiLocalSize;
            e.launcher = "mpirun";
        }
    } else if (pmiRank || pmiSize) {
        if (!pmiRank || !pmiSize) throw Error("only one of PMI_RANK and PMI_SIZE is set", "start the program with mpirun or srun");
        agree(r, pmiRank, "rank", "PMI_RANK");
        agree(w, pmiSize, "world size", "PMI_SIZE");
        if (!r) {
            r = pmiRank, w = pmiSize, l = mpiLocal, lw = mpiLocalSize;
            e.launcher = "pmi";
        }
    }
    if (!r) return e;  // a single process
    if (*w < 1) throw Error("the world size is " + std::to_string(*w) + "; it must be at least 1", "check WORLD_SIZE (or the launcher's -n)");
    if (*r < 0 || *r >= *w)
        throw Error("rank " + std::to_string(*r) + " is outside 0.." + std::to_string(*w - 1) + " (world size " + std::to_string(*w) + ")",
                    "each process needs a distinct rank below the world size");
    if (*w > 4096) throw Error("a world of " + std::to_string(*w) + " processes is more than this program supports (4096)");
    e.rank = static_cast<int>(*r);
    e.world = static_cast<int>(*w);
    e.localRank = l ? static_cast<int>(*l) : 0;
    e.localWorld = lw ? static_cast<int>(*lw) : 1;
    if (e.localWorld < 1 || e.localWorld > e.world)
        throw Error("the ranks on this machine (" + std::to_string(e.localWorld) + ") must be 1 to the world size (" + std::to_string(e.world) + ")",
                    "check LOCAL_WORLD_SIZE");
    if (e.localRank < 0) throw Error("the local rank is negative (" + std::to_string(e.localRank) + ")", "check LOCAL_RANK");
    if (strVar(getenv, "PTL_LAUNCHER") == "nproc") e.launcher = "--nproc";
    e.ifname = strVar(getenv, "GLOO_SOCKET_IFNAME");
    e.agentStore = strVar(getenv, "TORCHELASTIC_USE_AGENT_STORE") == "True";
    if (e.world == 1) return e;
    e.masterAddr = strVar(getenv, "MASTER_ADDR");
    if (e.masterAddr.empty())
        throw Error("MASTER_ADDR is not set (" + std::to_string(e.world) + " processes need rank 0's address to meet)",
                    e.launcher == "torchrun" ? "torchrun sets it from --master_addr or --rdzv_endpoint; set it when launching by hand"
                                             : "pass it to every rank, e.g. mpirun -x MASTER_ADDR=node0 -x MASTER_PORT=29500");
    const auto port = intVar(getenv, "MASTER_PORT");
    if (!port) {
        if (e.launcher == "torchrun") throw Error("MASTER_PORT is not set", "set it to a free TCP port on rank 0's machine, e.g. 29500");
        e.masterPort = 29500;  // mpirun: PyTorch's default port
    } else {
        if (*port < 1 || *port > 65535) throw Error("MASTER_PORT=" + std::to_string(*port) + " is not a TCP port", "use 1024..65535");
        e.masterPort = static_cast<int>(*port);
    }
    return e;
}

DistEnv distEnvFromEnvironment()
{
    return parseDistEnv([](const char* name) { return std::getenv(name); });
}

} // namespace ptl
