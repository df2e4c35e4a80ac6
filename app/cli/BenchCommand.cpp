// bench train: placeholder registered below is replaced by the real benchmark.
#include "app/cli/Commands.h"

namespace ptl::cli {
void addBench(CLI::App&) {}
} // namespace ptl::cli
