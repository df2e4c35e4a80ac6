#pragma once
// `--nproc N`: this command started again as N local ranks of one data-parallel run, with
// torchrun's environment (RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=
// 127.0.0.1, MASTER_PORT a free port), and waited for.
namespace ptl::cli {

// main() keeps its arguments here; the ranks are started with the same ones.
void rememberArguments(int argc, char** argv);

// Starts n ranks and waits for them. A rank that fails leaves the others
// graceSeconds to end on their own (they notice within dist_timeout) before they are
// killed. Returns rank 0's exit status (or 1 when it did not exit normally).
int launchLocalRanks(int n, double graceSeconds);

} // namespace ptl::cli
