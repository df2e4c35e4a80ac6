#!/usr/bin/env python3
"""`make bench`: PretrainLab's bert-mini training step against the plain PyTorch-eager
peer (bert_mini_eager.py), in one run on this machine, read against its GEMM peak.

    compare.py PATH/TO/pretrainlab-cli [--steps N]
"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit(f'failed: {" ".join(cmd)}')
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    cli = sys.argv[1]
    steps = sys.argv[sys.argv.index('--steps') + 1] if '--steps' in sys.argv else '20'
    # Full-length sequences (no short NSP targets), as the peer's: both sides do the same work.
    ours = run([cli, 'bench', 'train', '--preset', 'bert-mini', '--steps', steps, '--set', 'short_seq_prob=0', '--json'])
    eager = run([sys.executable, os.path.join(here, 'bert_mini_eager.py'), '--steps', steps, '--json'])
    eager_all = run([sys.executable, os.path.join(here, 'bert_mini_eager.py'), '--steps', steps, '--json', '--all-positions'])
    peak = ours['gemm_peak_bf16_gflops'] if ours['precision'] == 'bf16' else ours['gemm_peak_fp32_gflops']
    fpt = ours['flops_per_token']
    # Both sides process batch x seq positions a step; ours counts only real (non-padding)
    # tokens, so compare step times for the ratio and show both token rates.
    positions = ours['batch'] * ours['seq_len']
    print(f"bert-mini, batch {ours['batch']} x {ours['seq_len']}, {ours['precision']}, {ours['threads']} threads, {ours['blas']}")
    print(f"GEMM peak: fp32 {ours['gemm_peak_fp32_gflops']:.0f} GFLOP/s, bf16 {ours['gemm_peak_bf16_gflops']:.0f} GFLOP/s")
    print(f"FLOPs per token: {fpt / 1e6:.1f} M ({ours['flop_formula']})")
    rows = [('PretrainLab', ours['step_seconds'], ours['tokens_per_second']),
            ('PyTorch eager, MLM logits at masked positions', eager['step_seconds'], eager['tokens_per_second']),
            ('PyTorch eager, MLM logits everywhere (HF style)', eager_all['step_seconds'], eager_all['tokens_per_second'])]
    for name, step, tps in rows:
        gflops = positions / step * fpt / 1e9
        print(f"  {name:48s} {step * 1000:7.1f} ms/step {positions / step:9.0f} positions/s  {gflops:6.1f} GFLOP/s = {100 * gflops / peak:4.1f}% of peak")
    print(f"speed-up over the best eager peer: {eager['step_seconds'] / ours['step_seconds']:.2f}x "
          f"(over the HF-style eager step: {eager_all['step_seconds'] / ours['step_seconds']:.2f}x)")
    print(f"PretrainLab real tokens/s (padding excluded): {ours['tokens_per_second']:.0f}; "
          f"its own GFLOP/s figure: {ours['achieved_gflops']:.0f} = {100 * ours['share_of_peak']:.1f}% of peak")


if __name__ == '__main__':
    main()
