#include "app/cli/Launch.h"
#include "core/util/Error.h"

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <netinet/in.h>
#include <pthread.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace ptl::cli {

namespace {

std::vector<std::string> gArgs;
std::vector<pid_t> gChildren;

extern "C" void forwardSignal(int sig)
{
    for (pid_t p : gChildren)
        if (p > 0) ::kill(p, sig);
}

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw Error("cannot open a socket to find a free port: " + std::string(std::strerror(errno)));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        ::close(fd);
        throw Error("cannot find a free TCP port on 127.0.0.1: " + std::string(std::strerror(errno)));
    }
    const int port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

double now()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

} // namespace

void rememberArguments(int argc, char** argv) { gArgs.assign(argv, argv + argc); }

int launchLocalRanks(int n, double graceSeconds)
{
    if (gArgs.empty()) throw Error("internal: the command's arguments were not kept for --nproc");
    const int port = freePort();
    std::cerr << "starting " << n << " processes on this machine (rendezvous at 127.0.0.1:" << port << ")\n";
    for (int r = 0; r < n; ++r) {
        const pid_t pid = ::fork();
        if (pid < 0) {
            forwardSignal(SIGTERM);
            throw Error("cannot start rank " + std::to_string(r) + ": " + std::strerror(errno));
        }
        if (pid == 0) {
            ::setenv("RANK", std::to_string(r).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(r).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(n).c_str(), 1);
            ::setenv("LOCAL_WORLD_SIZE", std::to_string(n).c_str(), 1);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            ::setenv("PTL_LAUNCHER", "nproc", 1);
            ::unsetenv("TORCHELASTIC_USE_AGENT_STORE");
            if (r > 0) {  // rank 0 speaks for the run; the others only write their errors (stderr)
                const int null = ::open("/dev/null", O_WRONLY);
                if (null >= 0) ::dup2(null, STDOUT_FILENO);
            }
            std::vector<char*> argv;
            for (auto& a : gArgs) argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv("/proc/self/exe", argv.data());
            std::fprintf(stderr, "rank %d: cannot start %s: %s\n", r, gArgs[0].c_str(), std::strerror(errno));
            ::_exit(127);
        }
        gChildren.push_back(pid);
    }
    std::signal(SIGINT, forwardSignal);
    std::signal(SIGTERM, forwardSignal);
    std::signal(SIGUSR1, forwardSignal);  // pause and resume reach every rank
    std::signal(SIGUSR2, forwardSignal);
    sigset_t usr;
    sigemptyset(&usr);
    sigaddset(&usr, SIGUSR1);
    sigaddset(&usr, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &usr, nullptr);
    std::vector<int> status(static_cast<std::size_t>(n), -1);
    int alive = n;
    double failedAt = -1;
    while (alive > 0) {
        int st = 0;
        const pid_t p = ::waitpid(-1, &st, failedAt < 0 ? 0 : WNOHANG);
        if (p > 0) {
            for (int r = 0; r < n; ++r) {
                if (gChildren[static_cast<std::size_t>(r)] != p) continue;
                gChildren[static_cast<std::size_t>(r)] = -1;
                --alive;
                const int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
                status[static_cast<std::size_t>(r)] = code;
                if (code != 0 && code != 130) {
                    if (WIFSIGNALED(st)) std::cerr << "rank " << r << " was killed by signal " << WTERMSIG(st) << "\n";
                    if (failedAt < 0) failedAt = now();
                }
            }
            continue;
        }
        if (p < 0 && errno != EINTR) break;
        if (failedAt >= 0 && now() - failedAt > graceSeconds) {
            std::cerr << "the other ranks did not end within " << graceSeconds << " s of the failure; stopping them\n";
            for (pid_t c : gChildren)
                if (c > 0) ::kill(c, SIGKILL);
            failedAt = now() + 1e9;  // kill once
        }
        ::usleep(100000);
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const int rank0 = status[0];
    if (rank0 == 0) {
        for (int r = 1; r < n; ++r)
            if (status[static_cast<std::size_t>(r)] != 0) return 1;
        return 0;
    }
    return rank0 < 0 ? 1 : (rank0 > 128 ? 1 : rank0);
}

} // namespace ptl::cli
