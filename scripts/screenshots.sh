#!/usr/bin/env bash
# Writes docs/screenshots/*.png: the real workbench under Xvfb, on a short real training
# run (plus one trained first by the CLI, to have two runs to compare), in English and Korean.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/bin}
OUT=docs/screenshots
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
mkdir -p "$OUT"
"$BIN/pretrainlab-cli" train --preset bert-tiny --name "bert-tiny lr 1e-3" --set steps=150 --set lr=1e-3 \
    --set eval_every=50 --store "$WORK/runs.sqlite" > /dev/null
# The bert-tiny defaults (the first screen's run, about 6-10 minutes on 2 cores) for the
# dynamics view and the baseline curve: run 2 of the store.
"$BIN/pretrainlab-cli" train --preset bert-tiny --name "bert-tiny (defaults)" --store "$WORK/runs.sqlite" > /dev/null
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/runs.sqlite" \
        --out "$OUT" --lang "$lang" --only dynamics --dynamics-run 2
done
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/runs.sqlite" \
        --out "$OUT" --lang "$lang" --steps 150
done
# Extra training text beside the corpus.
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/runs.sqlite" \
        --out "$OUT" --lang "$lang" --only extra-text
done
# Data-parallel: processes on this machine, the global batch and each process's share.
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/runs.sqlite" \
        --out "$OUT" --lang "$lang" --only processes
done
# The fine-tuning panel: the shipped BERT-mini on genre classification, 150 steps, in a
# store of its own (run 1 there).
"$BIN/pretrainlab-cli" finetune --checkpoint resources/models/bert-mini-brown --task genre --set steps=150 \
    --set eval_every=30 --set max_eval_examples=800 --store "$WORK/finetune.sqlite" --out "$WORK/finetune" > /dev/null
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/finetune.sqlite" \
        --out "$OUT" --lang "$lang" --only finetune --finetune-run 1
done
# The generation view on the shipped GPT (no run needed).
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/generate.sqlite" \
        --out "$OUT" --lang "$lang" --only generate
done
# The few-shot view on the shipped GPT: four-choice capitals at K = 0..8, one prompt built by hand.
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/fewshot.sqlite" \
        --out "$OUT" --lang "$lang" --only fewshot
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/fewshot.sqlite" \
        --out "$OUT" --lang "$lang" --only zeroshot
done
# Knowledge: a WordNet lookup, a sentence's entity alignment, the shipped TransE embeddings.
for lang in en ko; do
    xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/knowledge.sqlite" \
        --out "$OUT" --lang "$lang" --only knowledge
done
# Lessons: each run by the CLI into a store of its own (a few minutes each), then shown.
for id in ${LESSONS:-bert-mlm bigger}; do
    "$BIN/pretrainlab-cli" lesson run "$id" --store "$WORK/lessons.sqlite" --out "$WORK/lesson-$id" > /dev/null
    for lang in en ko; do
        xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$WORK/lessons.sqlite" \
            --out "$OUT" --lang "$lang" --only lessons --lesson "$id"
    done
done
# Experiments that take an hour or more are drawn from the stores they were run into:
# TRANSFER_STORE (experiment transfer on genre, entail, paraphrase) and SCALING_STORE
# (experiment scaling), when set.
for lang in en ko; do
    if [ -n "${TRANSFER_STORE:-}" ]; then
        xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$TRANSFER_STORE" \
            --out "$OUT" --lang "$lang" --only transfer
    fi
    if [ -n "${SCALING_STORE:-}" ]; then
        xvfb-run -a -s '-screen 0 1600x1000x24' "$BIN/pretrainlab-screenshots" --store "$SCALING_STORE" \
            --out "$OUT" --lang "$lang" --only scaling
    fi
done
