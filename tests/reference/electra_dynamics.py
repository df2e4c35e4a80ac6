#!/usr/bin/env python3
"""An independent plain-PyTorch ELECTRA-tiny (shared embeddings, generator H32, discriminator
H128, 2 layers each, lambda 50, AdamW 5e-4, warmup 100, clip 1.0), trained on sequences
masked by PretrainLab's masker (85% [MASK] / 15% kept), to compare the discriminator's
learning curve with PretrainLab's. Not part of `make test` (it takes minutes):

    build/bin/pretrainlab-cli mask --text-file resources/corpus/brown.txt --seed 1 --json \
        --max-seq 128 --mask-ratio 0.85 --random-ratio 0 > /tmp/masked.json
    /usr/bin/python3 tests/reference/electra_dynamics.py /tmp/masked.json
"""
import sys
import json, math, random, torch, torch.nn as nn, torch.nn.functional as F, time
torch.manual_seed(0); random.seed(0)
torch.set_num_threads(2)
d = json.load(open(sys.argv[1] if len(sys.argv) > 1 else '/tmp/masked.json'))['sequences']
V = 8192
seqs = []
for s in d:
    ids = s['ids']; inp = list(ids); lab = [-100] * len(ids)
    for x in s['decisions']:
        inp[x['position']] = x['input_id']; lab[x['position']] = x['original_id']
    seqs.append((inp, lab))
random.shuffle(seqs)
held, train = seqs[:256], seqs[256:]
def batch(items):
    T = max(len(a) for a, _ in items)
    ids = torch.zeros(len(items), T, dtype=torch.long); lab = torch.full((len(items), T), -100); m = torch.zeros(len(items), T)
    for i, (a, l) in enumerate(items):
        ids[i, :len(a)] = torch.tensor(a); lab[i, :len(l)] = torch.tensor(l); m[i, :len(a)] = 1
    return ids, lab, m
class Layer(nn.Module):
    def __init__(s, H, nh):
        super().__init__(); s.nh = nh
        s.qkv = nn.Linear(H, 3 * H); s.o = nn.Linear(H, H); s.ln1 = nn.LayerNorm(H, eps=1e-12)
        s.f1 = nn.Linear(H, 4 * H); s.f2 = nn.Linear(4 * H, H); s.ln2 = nn.LayerNorm(H, eps=1e-12)
    def forward(s, x, mask):
        B, T, H = x.shape
        q, k, v = s.qkv(x).view(B, T, 3, s.nh, H // s.nh).permute(2, 0, 3, 1, 4)
        a = (q @ k.transpose(-1, -2)) / math.sqrt(H // s.nh) + (1 - mask[:, None, None, :]) * -1e9
        y = (F.dropout(a.softmax(-1), 0.1, s.training) @ v).transpose(1, 2).reshape(B, T, H)
        x = s.ln1(x + F.dropout(s.o(y), 0.1, s.training))
        return s.ln2(x + F.dropout(s.f2(F.gelu(s.f1(x))), 0.1, s.training))
class Emb(nn.Module):
    def __init__(s, E):
        super().__init__(); s.w = nn.Embedding(V, E); s.p = nn.Embedding(512, E); s.t = nn.Embedding(2, E); s.ln = nn.LayerNorm(E, eps=1e-12)
    def forward(s, ids):
        return F.dropout(s.ln(s.w(ids) + s.p(torch.arange(ids.shape[1]))[None] + s.t(torch.zeros_like(ids))), 0.1, s.training)
class Enc(nn.Module):
    def __init__(s, emb, E, H, nh, L):
        super().__init__(); s.emb = emb; s.proj = nn.Linear(E, H) if E != H else None; s.layers = nn.ModuleList([Layer(H, nh) for _ in range(L)])
    def forward(s, ids, m):
        x = s.emb(ids)
        if s.proj is not None: x = s.proj(x)
        for l in s.layers: x = l(x, m)
        return x
emb = Emb(128)
disc = Enc(emb, 128, 128, 2, 2); gen = Enc(emb, 128, 32, 1, 2)
gd = nn.Linear(32, 128); gln = nn.LayerNorm(128, eps=1e-12); gb = nn.Parameter(torch.zeros(V))
dd = nn.Linear(128, 128); dout = nn.Linear(128, 1)
mods = nn.ModuleList([emb, disc, gen, gd, gln, dd, dout])
for mod in mods.modules():
    if isinstance(mod, (nn.Linear, nn.Embedding)): nn.init.normal_(mod.weight, 0, 0.02)
    if isinstance(mod, nn.Linear): nn.init.zeros_(mod.bias)
params = list({id(p): p for p in list(mods.parameters()) + [gb]}.values())
opt = torch.optim.AdamW(params, lr=5e-4, weight_decay=0.01, eps=1e-6)
steps = 600; warm = 100
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: (s + 1) / warm if s < warm else max(0.0, 1 - (s - warm) / (steps - warm)))
def step(ids, lab, m, train=True):
    flat = lab.view(-1); idx = (flat != -100).nonzero().squeeze(1)
    h = gen(ids, m).reshape(-1, 32)[idx]
    logits = gln(F.gelu(gd(h))) @ emb.w.weight.T + gb
    mlm = F.cross_entropy(logits, flat[idx])
    with torch.no_grad():
        u = torch.rand_like(logits).clamp(1e-9, 1 - 1e-7)
        samp = (logits - torch.log(-torch.log(u))).argmax(-1)
    cor = ids.view(-1).clone(); cor[idx] = samp; orig = ids.view(-1).clone(); orig[idx] = flat[idx]
    rep = (cor != orig).float().view_as(ids); cor = cor.view_as(ids)
    dl = dout(F.gelu(dd(disc(cor, m)))).squeeze(-1)
    dloss = (F.binary_cross_entropy_with_logits(dl, rep, reduction='none') * m).sum() / m.sum()
    return mlm, dloss, dl, rep, logits.argmax(-1) == flat[idx]
def auc(s, y):
    o = s.argsort(); r = torch.empty_like(s); r[o] = torch.arange(1, len(s) + 1, dtype=s.dtype)
    p = y.sum(); n = len(y) - p
    return ((r[y == 1].sum() - p * (p + 1) / 2) / (p * n)).item()
t0 = time.time()
for s in range(1, steps + 1):
    mods.train()
    ids, lab, m = batch(random.sample(train, 32))
    mlm, dloss, *_ = step(ids, lab, m)
    loss = mlm + 50 * dloss
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(params, 1.0); opt.step(); sched.step()
    if s % 100 == 0:
        mods.eval(); S, Y, acc = [], [], []
        with torch.no_grad():
            for i in range(0, 256, 64):
                ids, lab, m = batch(held[i:i + 64])
                _, _, dl, rep, ok = step(ids, lab, m, False)
                S.append(dl[m > 0].float()); Y.append(rep[m > 0]); acc.append(ok.float())
        print(s, 'auc %.3f' % auc(torch.cat(S), torch.cat(Y)), 'gen acc %.3f' % torch.cat(acc).mean().item(), 'disc %.3f' % dloss.item(), '%.0fs' % (time.time() - t0), flush=True)
