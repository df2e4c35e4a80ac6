#pragma once
// Where this process stands in a data-parallel run, read from the environment the way
// the launchers write it: torchrun (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR,
// MASTER_PORT; TORCHELASTIC_USE_AGENT_STORE=True when its agent hosts the rendezvous
// store), Open MPI's mpirun (OMPI_COMM_WORLD_RANK/_SIZE/_LOCAL_RANK), MPICH, Intel MPI and
// Slurm's PMI (PMI_RANK, PMI_SIZE), and `pretrainlab-cli train --nproc N` (which sets
// torchrun's variables). Torch-free: the CLI launcher and the tests use it.
#include <functional>
#include <string>

namespace ptl {

struct DistEnv {
    int rank = 0;
    int world = 1;
    int localRank = 0;
    int localWorld = 1;       // ranks on this machine (LOCAL_WORLD_SIZE, OMPI_COMM_WORLD_LOCAL_SIZE, MPI_LOCALNRANKS)
    std::string masterAddr;   // the rendezvous store's host (rank 0's machine)
    int masterPort = 0;
    bool agentStore = false;  // torchrun's agent hosts the store: rank 0 connects as a client
    std::string launcher;     // "torchrun", "mpirun", "pmi" or "" (a single process)
    std::string ifname;       // GLOO_SOCKET_IFNAME, when set

    bool active() const { return world > 1; }
    bool leader() const { return rank == 0; }
};

// Reads the variables through getenv (std::getenv in production; a map in the tests).
// No variable at all: a single process. Throws ptl::Error naming the variable when one is
// missing, not a number, out of range, or disagrees with another launcher's.
DistEnv parseDistEnv(const std::function<const char*(const char*)>& getenv);
DistEnv distEnvFromEnvironment();

} // namespace ptl
