#!/usr/bin/env python3
"""The PyTorch-eager peer of `pretrainlab-cli bench train --preset bert-mini`: the same
BERT-mini pre-training step (MLM + NSP, batch 32, sequence 128, AdamW, gradient clipping
at 1.0) written as a plain PyTorch program at its best settings: every core, bf16
autocast where the CPU has it, MLM logits only at the masked positions.

    bert_mini_eager.py [--steps N] [--warmup N] [--precision auto|bf16|fp32] [--all-positions] [--json]
                       [--layers L --hidden H --heads A]   (bert-tiny: 2 128 2; intermediate 4H)
"""
import argparse, json, math, os, time

import torch
import torch.nn as nn
import torch.nn.functional as F

V, H, L, A, I, P, TYPES = 8192, 256, 4, 4, 1024, 512, 2


class LayerNorm(nn.LayerNorm):
    # LayerNorm in fp32: under CPU bf16 autocast, torch 1.13 passes bf16 inputs to
    # layer_norm with fp32 weights and fails; PretrainLab's model casts the same way.
    def forward(self, x):
        return super().forward(x.float())


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(H, 3 * H)
        self.out = nn.Linear(H, H)
        self.ln1 = LayerNorm(H, eps=1e-12)
        self.up = nn.Linear(H, I)
        self.down = nn.Linear(I, H)
        self.ln2 = LayerNorm(H, eps=1e-12)

    def forward(self, x):
        B, T, _ = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, A, H // A).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) / math.sqrt(H // A)
        att = F.dropout(att.softmax(-1), 0.1, self.training)
        y = (att @ v).transpose(1, 2).reshape(B, T, H)
        x = self.ln1(x + F.dropout(self.out(y), 0.1, self.training))
        return self.ln2(x + F.dropout(self.down(F.gelu(self.up(x))), 0.1, self.training))


class BertMini(nn.Module):
    def __init__(self):
        super().__init__()
        self.word, self.pos, self.tok_type = nn.Embedding(V, H), nn.Embedding(P, H), nn.Embedding(TYPES, H)
        self.ln = LayerNorm(H, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(L))
        self.pooler, self.nsp = nn.Linear(H, H), nn.Linear(H, 2)
        self.transform, self.mlm_ln = nn.Linear(H, H), LayerNorm(H, eps=1e-12)
        self.bias = nn.Parameter(torch.zeros(V))

    def forward(self, ids, types, labels, pair_labels, all_positions):
        T = ids.shape[1]
        x = self.word(ids) + self.pos(torch.arange(T)) + self.tok_type(types)
        x = F.dropout(self.ln(x), 0.1, self.training)
        for layer in self.layers:
            x = layer(x)
        if all_positions:  # as HF BertForPreTraining: logits everywhere, loss where labelled
            h = self.mlm_ln(F.gelu(self.transform(x)))
            logits = h @ self.word.weight.t() + self.bias
            mlm = F.cross_entropy(logits.float().view(-1, V), labels.view(-1), ignore_index=-100)
        else:
            flat = labels.view(-1)
            idx = (flat != -100).nonzero().squeeze(1)
            h = self.mlm_ln(F.gelu(self.transform(x.reshape(-1, H)[idx])))
            mlm = F.cross_entropy((h @ self.word.weight.t() + self.bias).float(), flat[idx])
        nsp = F.cross_entropy(self.nsp(torch.tanh(self.pooler(x[:, 0]))).float(), pair_labels)
        return mlm + nsp


def has_fast_bf16():
    try:
        flags = next(l for l in open('/proc/cpuinfo') if l.startswith('flags'))
        return ' avx512_bf16' in flags or ' amx_bf16' in flags
    except (OSError, StopIteration):
        return False


def main():
    global H, L, A, I
    ap = argparse.ArgumentParser()
    ap.add_argument('--steps', type=int, default=20)
    ap.add_argument('--warmup', type=int, default=5)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--seq', type=int, default=128)
    ap.add_argument('--precision', default='auto')
    ap.add_argument('--threads', type=int, default=os.cpu_count())
    ap.add_argument('--all-positions', action='store_true')
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--layers', type=int, default=L)
    ap.add_argument('--hidden', type=int, default=H)
    ap.add_argument('--heads', type=int, default=A)
    a = ap.parse_args()
    H, L, A, I = a.hidden, a.layers, a.heads, 4 * a.hidden
    torch.manual_seed(0)
    torch.set_num_threads(a.threads)
    bf16 = a.precision == 'bf16' or (a.precision == 'auto' and has_fast_bf16())
    model = BertMini()
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.01}, {'params': no_decay, 'weight_decay': 0.0}],
                            lr=5e-4, eps=1e-6)
    B, T = a.batch, a.seq
    ids = torch.randint(5, V, (B, T))
    types = torch.zeros(B, T, dtype=torch.long)
    types[:, T // 2:] = 1
    labels = torch.full((B, T), -100)
    n_pred = min(20, round(T * 0.15))
    for b in range(B):
        pos = torch.randperm(T - 2)[:n_pred] + 1
        labels[b, pos] = ids[b, pos]
        ids[b, pos] = 4  # [MASK]
    pair_labels = torch.randint(0, 2, (B,))
    times = []
    for step in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        with torch.autocast('cpu', dtype=torch.bfloat16, enabled=bf16):
            loss = model(ids, types, labels, pair_labels, a.all_positions)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step >= a.warmup:
            times.append(time.perf_counter() - t0)
    mean = sum(times) / len(times)
    tps = B * T / mean
    out = {'impl': 'pytorch-eager', 'torch': torch.__version__, 'tokens_per_second': tps, 'step_seconds': mean,
           'precision': 'bf16' if bf16 else 'fp32', 'threads': a.threads, 'batch': B, 'seq_len': T,
           'mlm_logits': 'all positions' if a.all_positions else 'masked positions', 'loss': float(loss),
           'layers': L, 'hidden': H, 'heads': A}
    print(json.dumps(out) if a.json else '\n'.join(f'{k}: {v}' for k, v in out.items()))


if __name__ == '__main__':
    main()
