#!/usr/bin/env bash
# Runs the test suite of a sanitizer build: run.sh asan|tsan BUILD_DIR [CTEST_REGEX] [JOBS]
# Every process the tests start (the CLI, its data-parallel ranks) writes its reports under
# BUILD_DIR/sanitizer-reports; any report there fails the run, printed whole.
set -uo pipefail
kind=$1; build=$(cd "$2" && pwd); regex=${3:-.}; jobs=${4:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
reports=$build/sanitizer-reports
rm -rf "$reports" && mkdir -p "$reports"
export QT_QPA_PLATFORM=offscreen
case $kind in
asan)
    # detect_odr_violation=0: LibTorch's own libraries define some globals twice (libtorch_cpu
    # and libc10), which is theirs, not ours.
    export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:detect_odr_violation=0:allocator_may_return_null=1:handle_abort=1"
    export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp"
    ;;
tsan)
    export TSAN_OPTIONS="log_path=$reports/tsan:halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tsan.supp"
    # OpenMP's threads are not instrumented: one thread per LibTorch op keeps its pool quiet.
    export OMP_NUM_THREADS=1
    ;;
*) echo "run.sh: asan or tsan, not '$kind'" >&2; exit 2 ;;
esac
cd "$build" && ctest --output-on-failure -j"$jobs" --timeout 3600 -R "$regex"
rc=$?
if compgen -G "$reports/*" > /dev/null; then
    echo "=== sanitizer reports ($(ls "$reports" | wc -l) files in $reports) ==="
    for f in "$reports"/*; do echo "--- $f"; cat "$f"; done
    rc=1
fi
exit $rc
