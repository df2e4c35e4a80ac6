#!/usr/bin/env python3
"""Learning per CPU-minute: which settings take the tiny presets past the unigram plateau
fastest on this machine. Each configuration is a normal `pretrainlab-cli train` run (same
corpus, same held-out documents, same eval batches); the table reports the held-out loss
as a share of the unigram baseline (the loss of a model that ignores context, recorded by
the trainer with every run) at each eval, the wall time, and the best and final ratio.

    study_plateau.py CLI --out DIR [--only NAME ...] [--steps N] [--threads N] [--again]

Set ATEN_CPU_CAPABILITY=avx2 OPENBLAS_CORETYPE=Haswell and precision=fp32 (the default
here) to run the kernels a CPU without AVX-512 runs. Results: DIR/results.json and a
markdown table on stdout (the README's table).
"""
import argparse, json, os, subprocess, sys, time

# name -> (preset, [--set assignments]); the baseline row of each preset first.
BERT_FAST = ['layer_norm=pre', 'lr=2e-3', 'mask_prob=0.4', 'max_predictions=52',
             'hidden_dropout=0', 'attention_dropout=0', 'embedding_dropout=0']
CONFIGS = {
    'bert-tiny preset (post-LN, lr 5e-4, 15%, dropout 0.1)': ('bert-tiny', []),
    'bert-tiny pre-LN lr 2e-3 40% no dropout': ('bert-tiny', BERT_FAST),
    'bert-tiny + sinusoidal positions': ('bert-tiny', BERT_FAST + ['sinusoidal_positions=true']),
    'bert-tiny + sinusoidal, post-LN': ('bert-tiny', [a for a in BERT_FAST if a != 'layer_norm=pre'] + ['sinusoidal_positions=true']),
    'bert-tiny + sinusoidal, 15% masking': ('bert-tiny', [a for a in BERT_FAST if not a.startswith(('mask_prob', 'max_pred'))] + ['sinusoidal_positions=true']),
    'bert-tiny + sinusoidal, seq 64 x batch 64': ('bert-tiny', BERT_FAST + ['sinusoidal_positions=true', 'seq_len=64', 'batch_size=64', 'max_predictions=26']),
    'bert-tiny + sinusoidal, lr 4e-3': ('bert-tiny', [a for a in BERT_FAST if not a.startswith('lr')] + ['sinusoidal_positions=true', 'lr=4e-3']),
    'bert-tiny + sinusoidal, batch 16': ('bert-tiny', BERT_FAST + ['sinusoidal_positions=true', 'batch_size=16']),
    'bert-tiny + sinusoidal, 32 tokens for 80% of steps': ('bert-tiny', BERT_FAST + ['sinusoidal_positions=true', 'start_seq_len=32', 'start_seq_share=0.8']),
    'bert-tiny + sinusoidal, 32 tokens for 80%, lr 4e-3': ('bert-tiny', [a for a in BERT_FAST if not a.startswith('lr')] + ['sinusoidal_positions=true', 'start_seq_len=32', 'start_seq_share=0.8', 'lr=4e-3']),
    'bert-tiny + 32 tokens for 80% (no sinusoidal)': ('bert-tiny', BERT_FAST + ['start_seq_len=32', 'start_seq_share=0.8']),
    'gpt-tiny preset': ('gpt-tiny', []),
    'gpt-tiny lr 2e-3 no dropout': ('gpt-tiny', ['lr=2e-3', 'hidden_dropout=0', 'attention_dropout=0', 'embedding_dropout=0']),
    'gpt-tiny lr 2e-3 no dropout, sinusoidal': ('gpt-tiny', ['lr=2e-3', 'hidden_dropout=0', 'attention_dropout=0', 'embedding_dropout=0', 'sinusoidal_positions=true']),
}


def run(cli, name, preset, sets, steps, out, threads):
    store = os.path.join(out, 'study.sqlite')
    cmd = [cli, 'train', '--preset', preset, '--store', store, '--name', name, '--json',
           '--set', f'steps={steps}', '--set', 'eval_every=100', '--set', 'eval_batches=8',
           '--set', 'checkpoint_every=100000', '--set', 'probe_every=100000', '--set', 'log_every=50',
           '--set', 'precision=fp32', '--set', f'threads={threads}']
    for s in sets:
        cmd += ['--set', s]
    t0 = time.time()
    evals, status, base = [], None, None
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as p:
        for line in p.stdout:
            ev = json.loads(line)
            if ev.get('event') == 'metrics':
                v = ev['values']
                base = v.get('unigram_entropy', base)
                for key in ('eval_mlm_loss', 'eval_loss' if preset.startswith('gpt') else None):
                    if key and key in v:
                        evals.append({'step': ev['step'], 'seconds': time.time() - t0, 'loss': v[key],
                                      'ratio': v[key] / base, 'accuracy': v.get('eval_mlm_accuracy', v.get('eval_accuracy'))})
            elif ev.get('event') == 'finished':
                status = ev['status']
    return {'name': name, 'preset': preset, 'sets': sets, 'steps': steps, 'status': status, 'baseline': base,
            'seconds': time.time() - t0, 'evals': evals}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cli')
    ap.add_argument('--out', required=True)
    ap.add_argument('--only', nargs='*')
    ap.add_argument('--steps', type=int, default=1000)
    ap.add_argument('--threads', type=int, default=0)
    ap.add_argument('--again', action='store_true', help='rerun configurations already in results.json')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, 'results.json')
    results = json.load(open(path)) if os.path.exists(path) else {}
    for name, (preset, sets) in CONFIGS.items():
        if a.only and not any(o in name for o in a.only):
            continue
        if name in results and results[name]['steps'] == a.steps and not a.again:
            continue  # measured already (--again to measure it anew)
        r = run(a.cli, name, preset, sets, a.steps, a.out, a.threads)
        results[name] = r
        json.dump(results, open(path, 'w'), indent=1)
        last = r['evals'][-1] if r['evals'] else {}
        print(f"{name}: {r['status']} {r['seconds']:.0f} s, final ratio {last.get('ratio', float('nan')):.3f}", file=sys.stderr, flush=True)
    print('| configuration | steps | wall s | held-out loss / unigram at 25% / 50% / 100% of steps | best | accuracy |')
    print('|---|---|---|---|---|---|')
    for name, r in results.items():
        ev = r['evals']
        if not ev:
            continue
        at = lambda f: min(ev, key=lambda e: abs(e['step'] - f * r['steps']))['ratio']
        best = min(e['ratio'] for e in ev)
        print(f"| {name} | {r['steps']} | {r['seconds']:.0f} | {at(0.25):.3f} / {at(0.5):.3f} / {at(1.0):.3f} | {best:.3f} | {ev[-1]['accuracy']:.3f} |")


if __name__ == '__main__':
    main()
