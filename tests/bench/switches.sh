#!/bin/bash
# Each speed measure of core/kernels switched off in turn (PTL_KERNELS), BERT-mini 32 x 128,
# in the three ways this machine can run it, with the eager peer for scale:
#   noavx512  fp32 as a CPU without AVX-512 runs it (AVX2 ATen kernels, OpenBLAS's Zen
#             kernel, oneDNN capped at AVX2)
#   fp32      fp32 with everything the CPU has
#   bf16      bf16 autocast
# Usage: tests/bench/switches.sh [path/to/pretrainlab-cli]   (STEPS=N, MODES="fp32 bf16")
set -u
CLI=${1:-build/bin/pretrainlab-cli}
STEPS=${STEPS:-12}
MODES=${MODES:-"noavx512 fp32 bf16"}
HEAP="glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824"
here=$(dirname "$0")
summary() {
    /usr/bin/python3 -c '
import json, sys
j = json.loads(sys.stdin.read().strip().splitlines()[-1])
s = "%7.1f ms/step" % (j["step_seconds"] * 1000)
if "share_of_peak" in j:
    s += "  %.1f%% of the %s peak  [%s]" % (100 * j["share_of_peak"], j["precision"], j["kernels"])
print(s)'
}
for mode in $MODES; do
    case $mode in
        noavx512) ENVS="ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Zen DNNL_MAX_CPU_ISA=AVX2"; P=fp32 ;;
        fp32) ENVS=""; P=fp32 ;;
        bf16) ENVS=""; P=bf16 ;;
        *) echo "unknown mode $mode (noavx512, fp32, bf16)"; exit 2 ;;
    esac
    for k in "" -attention -dense -sgemm -malloc -addnorm reference; do
        printf '%-9s off: %-11s ' "$mode" "${k:-nothing}"
        env $ENVS PTL_KERNELS=$k "$CLI" bench train --preset bert-mini --steps "$STEPS" --warmup 3 --set short_seq_prob=0 \
            --set precision=$P --json | summary
    done
    for t in "" "$HEAP"; do
        printf '%-9s eager peer, %-7s allocator: ' "$mode" "${t:+heap}${t:-default}"
        env $ENVS GLIBC_TUNABLES=$t /usr/bin/python3 "$here/bert_mini_eager.py" --steps "$STEPS" --json --precision $P | summary
    done
done
