#!/usr/bin/python3
"""Averages the weights of a run's last checkpoints into a new checkpoint folder.

Vaswani et al. (2017) used "a single model obtained by averaging the last 5 checkpoints";
with a learning rate that ends near zero the checkpoints lie close together, and their
mean sits nearer the middle of the basin they wander in. Only model.safetensors is
averaged (every tensor, in fp32); the folder's other files (config.json, the tokenizer, the
unigram counts, trainer_state.json) are copied from the last checkpoint given, and the
optimizer state is left out: the result is a model to evaluate or ship, not to resume.

    scripts/average_checkpoints.py --out DIR CHECKPOINT [CHECKPOINT ...]

Reads and writes safetensors directly (an 8-byte header length, a JSON header, the raw
data): no pickle, nothing executed.
"""
import argparse
import json
import os
import shutil
import struct
import sys

import numpy as np

DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16, "I64": np.int64, "I32": np.int32}


def read(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", None)
    tensors = {}
    for name, t in header.items():
        if t["dtype"] == "BF16":
            b, e = t["data_offsets"]
            raw = np.frombuffer(data[b:e], dtype=np.uint16).astype(np.uint32) << 16
            tensors[name] = raw.view(np.float32).reshape(t["shape"])
        elif t["dtype"] in DTYPES:
            b, e = t["data_offsets"]
            tensors[name] = np.frombuffer(data[b:e], dtype=DTYPES[t["dtype"]]).reshape(t["shape"])
        else:
            sys.exit(f"{path}: tensor {name} has dtype {t['dtype']}, which this script does not read")
    return tensors, meta


def write(path, tensors, meta):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name])
        dtype = {np.dtype(np.float32): "F32", np.dtype(np.int64): "I64", np.dtype(np.int32): "I32"}[a.dtype]
        raw = a.tobytes()
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if meta:
        header["__metadata__"] = meta
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for raw in blobs:
            f.write(raw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="the new checkpoint folder")
    ap.add_argument("checkpoints", nargs="+")
    a = ap.parse_args()
    total, meta, names = None, None, None
    for c in a.checkpoints:
        tensors, meta = read(os.path.join(c, "model.safetensors"))
        if names is None:
            names = set(tensors)
            total = {k: v.astype(np.float64) if v.dtype.kind == "f" else v.copy() for k, v in tensors.items()}
        elif set(tensors) != names:
            sys.exit(f"{c}: its tensors differ from {a.checkpoints[0]}'s; average checkpoints of one run")
        else:
            for k, v in tensors.items():
                if v.dtype.kind == "f":
                    total[k] += v
    avg = {k: (v / len(a.checkpoints)).astype(np.float32) if v.dtype.kind == "f" else v for k, v in total.items()}
    os.makedirs(a.out, exist_ok=True)
    last = a.checkpoints[-1]
    for f in os.listdir(last):
        if f not in ("model.safetensors", "trainer_state.safetensors"):
            shutil.copy2(os.path.join(last, f), os.path.join(a.out, f))
    write(os.path.join(a.out, "model.safetensors"), avg, meta)
    print(f"{a.out}: the mean of {len(a.checkpoints)} checkpoints ({', '.join(os.path.basename(os.path.normpath(c)) for c in a.checkpoints)}), {len(avg)} tensors")


if __name__ == "__main__":
    main()
