#!/usr/bin/python3
"""Writes tests/fuzz/seeds/wordnet/mini: a consistent WordNet of the first N synsets of each
installed data file (offsets rewritten to their new byte positions, pointers kept only
between the synsets taken, index entries for their words, the first lines of each .exc),
in fuzz_wordnet's format: twelve files, each ended by a line "=====".
Usage: make_wordnet_seed.py [N] (default 12)"""
import os, re, sys

WN = "/usr/share/wordnet"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 12
POS = ["noun", "verb", "adj", "adv"]
LETTER = {"n": 0, "v": 1, "a": 2, "s": 2, "r": 3}

taken = []  # per file: list of (old offset, fields)
for p in POS:
    rows = []
    with open(os.path.join(WN, "data." + p), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            rows.append(line.rstrip("\n"))
            if len(rows) == N:
                break
    taken.append(rows)
old = {(i, int(r.split()[0])) for i, rows in enumerate(taken) for r in rows}

def rebuild(line, i, newoff):
    head, gloss = line.split(" | ", 1)
    f = head.split()
    wcnt = int(f[3], 16)
    k = 4 + 2 * wcnt
    pcnt = int(f[k])
    ptrs, rest = f[k + 1:k + 1 + 4 * pcnt], f[k + 1 + 4 * pcnt:]
    kept = []
    for j in range(pcnt):
        sym, off, pos, st = ptrs[4 * j:4 * j + 4]
        t = (LETTER[pos], int(off))
        if t in old:
            kept.append((sym, t, pos, st))
    out = f[:k] + ["%03d" % len(kept)]
    for sym, t, pos, st in kept:
        out += [sym, "%08d" % newoff.get(t, 0), pos, st]
    return " ".join([("%08d" % newoff[(i, int(f[0]))])] + out[1:] + rest) + " | " + gloss

# Offsets: every field has a fixed width, so two passes settle the positions.
newoff = {t: 0 for t in old}
for _ in range(2):
    for i, rows in enumerate(taken):
        pos = 0
        for r in rows:
            newoff[(i, int(r.split()[0]))] = pos
            pos += len(rebuild(r, i, newoff).encode("latin-1")) + 1
parts = []
for i, p in enumerate(POS):
    data = "".join(rebuild(r, i, newoff) + "\n" for r in taken[i])
    index = {}
    for r in taken[i]:
        f = r.split()
        for w in f[4:4 + 2 * int(f[3], 16):2]:
            w = re.sub(r"\(.*\)$", "", w).lower()
            index.setdefault(w, []).append(newoff[(i, int(f[0]))])
    idx = "".join("%s %s %d 0 %d 0 %s\n" % (w, "nvar"[i], len(o), len(o), " ".join("%08d" % x for x in o)) for w, o in sorted(index.items()))
    with open(os.path.join(WN, p + ".exc"), encoding="latin-1") as f:
        exc = "".join(f.readline() for _ in range(5))
    parts += [data, idx, exc]
os.makedirs(os.path.join(os.path.dirname(__file__), "seeds", "wordnet"), exist_ok=True)
with open(os.path.join(os.path.dirname(__file__), "seeds", "wordnet", "mini"), "w", encoding="latin-1") as f:
    f.write("".join(x + "=====\n" for x in parts))
