#!/usr/bin/env python3
"""Back-of-envelope for data-parallel training (README, "Past one machine").

Per step every rank sends and receives, in a ring allreduce of the fp32 gradients,
2 (N - 1) / N x 4 P bytes, in buckets of b bytes; each bucket also pays 2 (N - 1) message
latencies. A bucket's exchange can overlap the rest of backward (about two thirds of a
step), so what the step waits for is the exchange that does not fit under it, and at
least the last bucket's. Compute splits evenly: a rank computes batch / N.

    python3 scripts/dp_estimate.py --params 5.5e6 --step 1.2 [--bucket-mb 4]
"""
import argparse


def step_time(params, step, n, bandwidth, latency, bucket):
    if n == 1:
        return step, 0.0, 0.0
    grad = 4.0 * params
    buckets = max(1, -(-int(grad) // int(bucket)))
    per_bucket = 2 * (n - 1) * latency + 2 * (n - 1) / n * min(bucket, grad) / bandwidth
    comm = buckets * 2 * (n - 1) * latency + 2 * (n - 1) / n * grad / bandwidth
    compute = step / n
    backward = 2.0 / 3.0 * compute
    exposed = max(comm - backward, per_bucket)
    return compute + exposed, comm, 2 * (n - 1) / n * grad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--params", type=float, required=True, help="trained parameters")
    ap.add_argument("--step", type=float, required=True, help="seconds of one step of the global batch on one machine")
    ap.add_argument("--bucket-mb", type=float, default=4.0)
    ap.add_argument("--latency-ms", type=float, default=0.1, help="one message's latency (TCP on a LAN: 0.05-0.2 ms)")
    args = ap.parse_args()
    bucket = args.bucket_mb * 1024 * 1024
    nets = [("1 Gbit/s", 125e6), ("10 Gbit/s", 1.25e9), ("25 Gbit/s", 3.1e9)]
    print("| machines N | sent per rank a step | " + " | ".join(f"speed-up at {name}" for name, _ in nets) + " |")
    print("| ---: | ---: | " + " | ".join("---:" for _ in nets) + " |")
    for n in (2, 4, 8, 16):
        cells = []
        sent = 0.0
        for _, bw in nets:
            t, comm, sent = step_time(args.params, args.step, n, bw, args.latency_ms / 1000, bucket)
            cells.append(f"{args.step / t:.2f}x (exchange {comm * 1000:.0f} ms)")
        print(f"| {n} | {sent / 1e6:.1f} MB | " + " | ".join(cells) + " |")
    # The bucket size: the latency term under 10% of the bandwidth term at 8 machines.
    for name, bw in nets:
        b = 10 * 8 * (args.latency_ms / 1000) * bw
        print(f"bucket size keeping latency under 10% of transfer with 8 machines at {name}: {b / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
