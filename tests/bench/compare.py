#!/usr/bin/env python3
"""`make bench`: PretrainLab's bert-mini training step against the plain PyTorch-eager
peer (bert_mini_eager.py) at the peer's best settings on this machine (fp32 or bf16
autocast, whichever is faster here), in one run, read against the machine's GEMM peak;
then bert-tiny (against the same peer at its size) and gpt-mini (PretrainLab alone) and
the fused kernels against their references.

    compare.py PATH/TO/pretrainlab-cli [--steps N] [--quick] [--precision fp32|bf16]

--precision pins both sides to one precision (e.g. fp32 where bf16 is unavailable because
oneDNN is capped below AVX-512 with DNNL_MAX_CPU_ISA, as when imitating a CPU without it).
"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
# glibc: serve blocks up to 32 MB from the heap and never trim it (mallopt's equivalent).
HEAP_TUNABLES = 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824'


def run(cmd, env=None):
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit(f'failed: {" ".join(cmd)}')
    return json.loads(r.stdout.strip().splitlines()[-1])


def cpu_flags():
    try:
        line = next(l for l in open('/proc/cpuinfo') if l.startswith('flags'))
        model = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
    except (OSError, StopIteration):
        return '?', []
    flags = line.split(':', 1)[1].split()
    wanted = ['avx2', 'fma', 'avx512f', 'avx512bw', 'avx512_vnni', 'avx512_bf16', 'amx_bf16', 'amx_tile']
    return model, [f for f in wanted if f in flags]


def main():
    cli = sys.argv[1]
    steps = sys.argv[sys.argv.index('--steps') + 1] if '--steps' in sys.argv else '20'
    model, flags = cpu_flags()
    print(f'CPU: {model}; {os.cpu_count()} cores; flags: {" ".join(flags) or "none of avx2/avx512"}')
    # Full-length sequences (no short NSP targets), as the peer's: both sides do the same work.
    pinned = sys.argv[sys.argv.index('--precision') + 1] if '--precision' in sys.argv else None
    pin = ['--set', f'precision={pinned}'] if pinned else []
    ours = run([cli, 'bench', 'train', '--preset', 'bert-mini', '--steps', steps, '--set', 'short_seq_prob=0', '--json'] + pin)
    # The peer in four settings: fp32 or bf16 autocast, with glibc's default allocator or
    # with the allocator kept from returning memory (what PretrainLab does in-process):
    # the fastest is the one compared.
    peers = {}
    for prec in ((pinned,) if pinned else ('fp32', 'bf16')):
        for alloc in ('default', 'heap'):
            env = dict(os.environ)
            if alloc == 'heap':
                env['GLIBC_TUNABLES'] = HEAP_TUNABLES
            r = run([sys.executable, os.path.join(here, 'bert_mini_eager.py'), '--steps', steps, '--json', '--precision', prec], env)
            r['alloc'] = alloc
            peers[(prec, alloc)] = r
    best = min(peers.values(), key=lambda p: p['step_seconds'])
    env = dict(os.environ)
    if best['alloc'] == 'heap':
        env['GLIBC_TUNABLES'] = HEAP_TUNABLES
    eager_all = run([sys.executable, os.path.join(here, 'bert_mini_eager.py'), '--steps', steps, '--json', '--all-positions',
                     '--precision', best['precision']], env)
    peak = ours['gemm_peak_bf16_gflops'] if ours['precision'] == 'bf16' else ours['gemm_peak_fp32_gflops']
    fpt = ours['flops_per_token']
    positions = ours['batch'] * ours['seq_len']
    print(f"bert-mini, batch {ours['batch']} x {ours['seq_len']}, PretrainLab runs {ours['precision']}, {ours['threads']} threads, {ours['blas']}")
    print(f"kernels: {ours.get('kernels', '?')}")
    print(f"GEMM peak: fp32 {ours['gemm_peak_fp32_gflops']:.0f} GFLOP/s, bf16 {ours['gemm_peak_bf16_gflops']:.0f} GFLOP/s")
    print(f"FLOPs per token: {fpt / 1e6:.1f} M ({ours['flop_formula']})")
    print('eager peer: ' + ', '.join(f"{p} {a} {peers[(p, a)]['step_seconds'] * 1000:.1f} ms/step" for (p, a) in peers) +
          f"; best: {best['precision']}, {best['alloc']} allocator")

    def peak_of(prec):
        return ours['gemm_peak_bf16_gflops'] if prec == 'bf16' else ours['gemm_peak_fp32_gflops']

    rows = [('PretrainLab', ours['step_seconds'], ours['precision']),
            (f"PyTorch eager ({best['precision']}, {best['alloc']} allocator), MLM logits at masked positions", best['step_seconds'], best['precision']),
            (f"PyTorch eager ({best['precision']}), MLM logits everywhere (HF style)", eager_all['step_seconds'], best['precision'])]
    for name, step, prec in rows:
        gflops = positions / step * fpt / 1e9
        print(f"  {name:58s} {step * 1000:7.1f} ms/step {positions / step:9.0f} positions/s  {gflops:6.1f} GFLOP/s = "
              f"{100 * gflops / peak_of(prec):4.1f}% of the {prec} peak")
    print(f"speed-up over the best eager peer: {best['step_seconds'] / ours['step_seconds']:.2f}x "
          f"(over the HF-style eager step: {eager_all['step_seconds'] / ours['step_seconds']:.2f}x)")
    print(f"PretrainLab real tokens/s (padding excluded): {ours['tokens_per_second']:.0f}; "
          f"its own GFLOP/s figure: {ours['achieved_gflops']:.0f} = {100 * ours['share_of_peak']:.1f}% of peak")
    if '--quick' in sys.argv:
        return
    for preset in ('bert-tiny', 'gpt-mini'):
        # bert-tiny's preset masks 40%; the peer masks as BERT did (15%, at most 20 a sequence).
        same = ['--set', 'mask_prob=0.15', '--set', 'max_predictions=20'] if preset == 'bert-tiny' else []
        r = run([cli, 'bench', 'train', '--preset', preset, '--steps', steps, '--set', 'short_seq_prob=0', '--json'] + same + pin)
        line = (f"{preset}: {r['step_seconds'] * 1000:.1f} ms/step, {r['tokens_per_second']:.0f} tokens/s, {r['achieved_gflops']:.1f} GFLOP/s = "
                f"{100 * r['share_of_peak']:.1f}% of the {r['precision']} peak")
        if preset == 'bert-tiny':
            # The same eager program at bert-tiny's size, in the configuration that won above.
            env = dict(os.environ)
            if best['alloc'] == 'heap':
                env['GLIBC_TUNABLES'] = HEAP_TUNABLES
            p = run([sys.executable, os.path.join(here, 'bert_mini_eager.py'), '--steps', steps, '--json', '--precision', best['precision'],
                     '--layers', '2', '--hidden', '128', '--heads', '2'], env)
            line += f"; eager ({best['precision']}) {p['step_seconds'] * 1000:.1f} ms/step: {p['step_seconds'] / r['step_seconds']:.2f}x"
        else:
            line += '; no eager peer (the peer program is BERT only)'
        print(line)
    kernels = run([cli, 'bench', 'kernels', '--preset', 'bert-mini', '--precision', ours['precision'], '--json'])
    for k in kernels:
        print(f"kernel {k['kernel']:16s} {k['precision']}: reference {k['reference_ms']:.1f} ms, fused {k['fused_ms']:.1f} ms "
              f"({k['speedup']:.2f}x; {k['shape']}, forward + backward)")


if __name__ == '__main__':
    main()
