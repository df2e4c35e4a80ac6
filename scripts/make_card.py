#!/usr/bin/env python3
"""Writes the model card (card.json) of a shipped model from its training run.

    scripts/make_card.py --cli build/bin/pretrainlab-cli --store runs.sqlite --run 1 \
        --checkpoint out/checkpoint-5500 --model-dir resources/models/bert-mini-brown \
        --command "pretrainlab-cli train ..." [--machine "..."]

It converts the checkpoint to bf16 into --model-dir (`convert --dtype bf16`), measures the
held-out metrics of the converted files with `pretrainlab-cli evaluate` (the same
documents the run held out: its seed and held_out share), and writes card.json beside
them: the command, corpus, training time and tokens, machine, the run's own last eval
metrics (at its training masking) and the evaluate result. tests/test_shipped.cpp
re-measures every card's `held_out` block. Nothing here is typed in by hand.
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys


def run(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return out.stdout


def machine():
    name, flags = platform.processor() or "unknown CPU", set()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name") and name in ("", "unknown CPU", platform.processor()):
                    name = line.split(":", 1)[1].strip()
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    isa = "AVX512-BF16" if "avx512_bf16" in flags else ("AVX-512" if "avx512f" in flags else "no AVX-512")
    return f"{os.cpu_count()}-core {name} ({isa})"


def extra_text(path):
    """The training-only text a run added (JobSpec extra_corpus), by its files."""
    if not path:
        return ""
    files = sorted(f for f in os.listdir(path) if f.endswith(".txt")) if os.path.isdir(path) else [os.path.basename(path)]
    known = {"wordnet.txt": "wordnet.txt: WordNet 3.0's glosses and examples (Debian wordnet-base)",
             "kjv.txt": "kjv.txt: the King James Version (Debian bible-kjv-text)"}
    return ("; trained also on extra text that is never evaluated on, written by scripts/extra_corpus.py ("
            + "; ".join(known.get(f, f) for f in files) + ")")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--store", required=True)
    ap.add_argument("--run", type=int, required=True)
    ap.add_argument("--checkpoint", required=True, help="the run's checkpoint folder to ship")
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--command", required=True, help="the training command, as it was run")
    ap.add_argument("--machine", default=None)
    ap.add_argument("--notes", default="")
    a = ap.parse_args()

    show = json.loads(run([a.cli, "runs", "show", str(a.run), "--store", a.store, "--json"]))
    cfg = show["config"]
    train = cfg["train"]
    with open(os.path.join(a.checkpoint, "trainer_state.json")) as f:
        state = json.load(f)
    run([a.cli, "convert", "--checkpoint", a.checkpoint, "--out", a.model_dir, "--dtype", "bf16"])
    unigram = os.path.join(a.checkpoint, "unigram.json")
    if os.path.exists(unigram):
        with open(unigram) as f, open(os.path.join(a.model_dir, "unigram.json"), "w") as g:
            g.write(f.read())
    seed, held = train["seed"], train["held_out"]
    # GPT runs read sentences as running text (space_sentences); evaluate the same way.
    spaced = ["--space-sentences"] if train.get("space_sentences") else []
    ev = json.loads(run([a.cli, "evaluate", "--checkpoint", a.model_dir, "--seed", str(seed), "--held-out", str(held), "--json"] + spaced))
    name = os.path.basename(os.path.normpath(a.model_dir))
    # The run's own evaluation at the shipped checkpoint's step (the newest at or before it):
    # a checkpoint taken before the run's end is described by its own figures, not the end's.
    csv = run([a.cli, "runs", "export-csv", str(a.run), "--store", a.store])
    last_eval = {}
    for line in csv.splitlines()[1:]:
        _, step, key, value, _ = line.split(",", 4)
        step = int(step)
        if not (key.startswith("eval_") or key in ("unigram_entropy", "pair_baseline_accuracy")) or step > state["step"]:
            continue
        if key not in last_eval or step >= last_eval[key]["step"]:
            last_eval[key] = {"step": step, "value": float(value)}
    card = {
        "name": name,
        "family": show["family"],
        "objective": show["objective"],
        "command": a.command,
        "convert": f"pretrainlab-cli convert --checkpoint {os.path.basename(os.path.normpath(a.checkpoint))} --out {a.model_dir} --dtype bf16",
        "corpus": (cfg.get("corpus") or "the bundled Brown corpus (resources/corpus/brown.txt, 500 documents)")
        + f"; {held:.0%} of the documents held out by document (seed {seed})"
        + extra_text(cfg.get("extra_corpus")),
        "training": {
            "steps": state["step"],
            "tokens_seen": state["tokens_seen"],
            "training_seconds": round(state["elapsed_seconds"], 1),
            "started": show["created_at"],
            "finished": show["finished_at"],
            "machine": a.machine or machine(),
            "precision": train["precision"],
            "threads": train["threads"],
            "mask_prob": train["mask_prob"],
        },
        "run_last_eval": last_eval,
        "held_out": ev,
        "evaluate": f"pretrainlab-cli evaluate --checkpoint {a.model_dir} --seed {seed} --held-out {held}" + (" --space-sentences" if spaced else ""),
        "notes": a.notes,
        "written": datetime.date.today().isoformat(),
    }
    with open(os.path.join(a.model_dir, "card.json"), "w") as f:
        json.dump(card, f, indent=2, sort_keys=False)
        f.write("\n")
    json.dump(card["held_out"]["metrics"], sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
