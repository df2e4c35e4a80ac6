#!/usr/bin/env bash
# Runs the test suite of a sanitizer build: run.sh asan|tsan BUILD_DIR [CTEST_REGEX] [JOBS]
# Every process the tests start (the CLI, its data-parallel ranks) writes its ASan, LSan and
# TSan reports under BUILD_DIR/sanitizer-reports. UBSan, linked beside ASan by GCC, ignores
# log_path: its reports abort the process (a crash its test sees) and are printed; the
# tests' whole output is kept in BUILD_DIR/sanitizer-reports/ctest-output.log and searched
# for any report. Any report fails the run, printed whole.
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
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1:suppressions=$here/ubsan.supp"
    # LeakSanitizer stops the process's threads through ptrace; a container that forbids it
    # makes every process fail at exit. Then leaks go unchecked, said here, and the rest runs.
    if [ -x "$build/bin/pretrainlab-cli" ] && ASAN_OPTIONS=detect_leaks=1 "$build/bin/pretrainlab-cli" --version 2>&1 | grep -q 'LeakSanitizer has encountered a fatal error'; then
        echo "run.sh: LeakSanitizer cannot run on this machine (ptrace refused): leaks are not checked" >&2
        export ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}"
        rm -f "$reports"/asan.*
    fi
    ;;
tsan)
    export TSAN_OPTIONS="log_path=$reports/tsan:halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tsan.supp"
    # OpenMP's threads are not instrumented: one thread per LibTorch op keeps its pool quiet.
    export OMP_NUM_THREADS=1
    ;;
*) echo "run.sh: asan or tsan, not '$kind'" >&2; exit 2 ;;
esac
cd "$build" && ctest -V -j"$jobs" --timeout 3600 -R "$regex" > "$reports/ctest-output.log" 2>&1
rc=$?
sed -n '/tests passed\|tests failed/,$p' "$reports/ctest-output.log"
if [ $rc -ne 0 ]; then grep -E '(Failed|Not Run|\*\*\*)' "$reports/ctest-output.log" | grep -E '^ *[0-9]+/[0-9]+ Test' ; fi
pattern='runtime error:|ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Leak|Thread|UndefinedBehavior)Sanitizer'
if compgen -G "$reports/[alt]san*" > /dev/null || grep -qE "$pattern" "$reports/ctest-output.log"; then
    echo "=== sanitizer reports ==="
    for f in "$reports"/[alt]san*; do [ -e "$f" ] && { echo "--- $f"; cat "$f"; }; done
    grep -n -B2 -A30 -E "$pattern" "$reports/ctest-output.log" | head -400
    rc=1
fi
exit $rc
