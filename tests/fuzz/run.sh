#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each from its committed seeds (tests/fuzz/seeds/NAME;
# the corpus it grows is kept under BUILD/corpus/NAME, never in the repository) and prints
# a table: executions, coverage (libFuzzer's "cov": edges reached) and findings. A finding
# leaves crash-*/leak-*/timeout-* files in BUILD/findings/NAME and a non-zero status.
#   tests/fuzz/run.sh BUILD SECONDS [NAME ...]
set -uo pipefail
BUILD="$1"; SECONDS_EACH="$2"; shift 2
HERE="$(cd "$(dirname "$0")" && pwd)"
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(safetensors config jobspec vocab bpe corpus snapshot store wordnet)
status=0
printf '%-12s %12s %10s %8s  %s\n' target executions exec/s cov findings
for t in "${TARGETS[@]}"; do
  mkdir -p "$BUILD/corpus/$t" "$BUILD/findings/$t"
  maxlen=8192
  case "$t" in store) maxlen=65536 ;; snapshot) maxlen=16384 ;; wordnet) maxlen=32768 ;; esac
  log="$BUILD/findings/$t/log.txt"
  ASAN_OPTIONS=detect_leaks=0 "$BUILD/fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len="$maxlen" -timeout=20 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$BUILD/findings/$t/" \
      "$BUILD/corpus/$t" "$HERE/seeds/$t" > "$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  found=$(ls "$BUILD/findings/$t" | grep -c -E '^(crash|leak|timeout|oom)-' || true)
  printf '%-12s %12s %10s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "$found"
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    echo "  $t: see $log" >&2
    grep -m3 -E 'ERROR|runtime error|terminate called|deadly signal' "$log" | sed 's/^/    /' >&2
  fi
done
exit $status
