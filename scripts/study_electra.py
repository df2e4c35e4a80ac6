#!/usr/bin/env python3
"""ELECTRA's collapse: why the discriminator of electra-tiny falls to the base rate of
replaced tokens once its generator passes unigram quality, and what keeps it learning.
Each configuration is a normal `pretrainlab-cli train --preset electra-tiny` run (same
corpus, same held-out documents, the same fixed eval corruptions per run); the table gives
the discriminator's held-out AUC and the generator's held-out accuracy at each eval.

    study_electra.py CLI --out DIR [--only NAME ...] [--steps N] [--threads N] [--again]

The experiments (README, ELECTRA):
  - the paper's setting, as the preset trains it (the collapse);
  - replacements drawn i.i.d. from the corpus's unigram distribution: a discriminator that
    ignores context scores exactly AUC 0.5 there, so any AUC above 0.5 is context used;
  - a fresh discriminator against a frozen generator taken from the first run at the
    collapse (its checkpoint at --collapse-step);
  - a sampling-temperature curriculum (3 -> 1), a smaller generator (1/8 of the
    discriminator's width), and the weight of the generator's loss (disc_weight).
Results: DIR/results.json and a markdown table on stdout.
"""
import argparse, json, os, subprocess, sys, time

PAPER = 'paper setting (preset: generator 1/4, temperature 1, lambda 50)'
CONFIGS = {
    PAPER: [],
    'unigram replacements (context test)': ['replacements=unigram'],
    'unigram replacements, no dropout, sinusoidal positions': ['replacements=unigram', 'hidden_dropout=0', 'attention_dropout=0',
                                                               'embedding_dropout=0', 'sinusoidal_positions=true'],
    'fresh discriminator, generator frozen at the collapse': ['generator_from={collapse}', 'freeze_generator=true'],
    'temperature 3 -> 1 over the run': ['gen_temperature_start=3'],
    'temperature 3 -> 1 over the first half': ['gen_temperature_start=3', 'gen_temperature_steps={half}'],
    'generator 1/8 of the width': ['generator_ratio=0.125'],
    'lambda 10 (generator loss weighs 5x more)': ['disc_weight=10'],
    'lambda 200 (generator loss weighs 4x less)': ['disc_weight=200'],
}


def run(cli, name, sets, steps, out, threads, checkpoint_every):
    store = os.path.join(out, 'study.sqlite')
    folder = os.path.join(out, ''.join(c if c.isalnum() else '-' for c in name)[:60])
    cmd = [cli, 'train', '--preset', 'electra-tiny', '--store', store, '--name', name, '--json', '--out', folder,
           '--set', f'steps={steps}', '--set', 'eval_every=100', '--set', 'eval_batches=8',
           '--set', f'checkpoint_every={checkpoint_every}', '--set', 'keep_last=0', '--set', 'probe_every=100000',
           '--set', 'log_every=50', '--set', 'precision=fp32', '--set', f'threads={threads}', '--set', 'dynamics=false']
    for s in sets:
        cmd += ['--set', s]
    t0 = time.time()
    evals, status, message = [], None, ''
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as p:
        for line in p.stdout:
            ev = json.loads(line)
            if ev.get('event') == 'metrics':
                v = ev['values']
                if 'eval_disc_auc' in v:
                    evals.append({'step': ev['step'], 'seconds': time.time() - t0, 'auc': v['eval_disc_auc'],
                                  'gen_accuracy': v.get('eval_gen_mlm_accuracy'), 'disc_loss_ratio': v.get('eval_disc_loss_ratio'),
                                  'replaced_share': v.get('eval_replaced_share')})
            elif ev.get('event') == 'finished':
                status, message = ev['status'], ev.get('message', '')
    return {'name': name, 'sets': sets, 'steps': steps, 'status': status, 'message': message,
            'seconds': time.time() - t0, 'evals': evals, 'out': folder}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cli')
    ap.add_argument('--out', required=True)
    ap.add_argument('--only', nargs='*')
    ap.add_argument('--steps', type=int, default=800)
    ap.add_argument('--threads', type=int, default=0)
    ap.add_argument('--collapse-step', type=int, default=300, help="the paper run's checkpoint the frozen generator comes from")
    ap.add_argument('--again', action='store_true', help='rerun configurations already in results.json')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, 'results.json')
    results = json.load(open(path)) if os.path.exists(path) else {}
    for name, sets in CONFIGS.items():
        if a.only and not any(o in name for o in a.only):
            continue
        if name in results and results[name]['steps'] == a.steps and results[name]['status'] == 'completed' and not a.again:
            continue  # measured already (--again to measure it anew)
        collapse = os.path.join(results.get(PAPER, {}).get('out', ''), f'checkpoint-{a.collapse_step}')
        if any('{collapse}' in s for s in sets) and not os.path.isdir(collapse):
            print(f'{name}: skipped, it needs the paper run\'s checkpoint {collapse}', file=sys.stderr)
            continue
        sets = [s.format(collapse=collapse, half=a.steps // 2) for s in sets]
        r = run(a.cli, name, sets, a.steps, a.out, a.threads, a.collapse_step if name == PAPER else 100000)
        results[name] = r
        json.dump(results, open(path, 'w'), indent=1)
        last = r['evals'][-1] if r['evals'] else {}
        print(f"{name}: {r['status']} {r['message']} {r['seconds']:.0f} s, final AUC {last.get('auc', float('nan')):.3f}",
              file=sys.stderr, flush=True)
    steps = sorted({e['step'] for r in results.values() for e in r['evals']})
    shown = [s for s in steps if s in (100, 200, 300, 400, 600) or s == steps[-1]] if steps else []
    print('| configuration | held-out AUC at step ' + ' / '.join(map(str, shown)) + ' | best AUC | generator accuracy at the end | wall s |')
    print('|---|---|---|---|---|')
    for name, r in results.items():
        ev = {e['step']: e for e in r['evals']}
        if not ev:
            continue
        cells = ' / '.join(f"{ev[s]['auc']:.3f}" if s in ev else '-' for s in shown)
        best = max(e['auc'] for e in ev.values())
        last = ev[max(ev)]
        print(f"| {name} | {cells} | {best:.3f} | {100 * last['gen_accuracy']:.1f}% | {r['seconds']:.0f} |")


if __name__ == '__main__':
    main()
