#!/usr/bin/env python3
"""Independent reference check of PretrainLab's transformer against the Hugging Face
architectures, written from transformers' modeling files in plain PyTorch (Debian's
python3-torch; transformers itself is not needed).

For BERT, GPT-2, ALBERT (all-shared and unshared), DistilBERT and ELECTRA (ElectraForPreTraining with
its ElectraForMaskedLM generator in generator/, embeddings shared) it
  1. writes a checkpoint with `pretrainlab-cli init`,
  2. replaces model.safetensors with weights of its own (large random values, written by
     its own safetensors writer under HF tensor names and layouts, Conv1D transposed),
  3. runs `pretrainlab-cli inspect --json` and compares attention probabilities and the
     MLM probabilities at [MASK] (ELECTRA: the generator's, and the discriminator's
     P(replaced) for every token) with its own forward pass.
Prints one `TENSOR OK maxdiff=...` line per comparison; exits 1 on any difference above
the tolerance.

    check_parity.py PATH/TO/pretrainlab-cli
"""
import json, math, os, struct, subprocess, sys, tempfile

import torch

TOL = 1e-4


# --------------------------------------------------------------------- safetensors
def read_safetensors(path):
    with open(path, 'rb') as f:
        data = f.read()
    n = struct.unpack('<Q', data[:8])[0]
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, e in header.items():
        if name == '__metadata__':
            continue
        assert e['dtype'] == 'F32', e['dtype']
        a, b = e['data_offsets']
        t = torch.frombuffer(bytearray(data[base + a:base + b]), dtype=torch.float32)
        out[name] = t.reshape(e['shape']).clone()
    return out


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        t = tensors[name].contiguous().to(torch.float32)
        raw = t.numpy().tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(t.shape), 'data_offsets': [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    h = json.dumps(header).encode()
    h += b' ' * ((8 - len(h) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)) + h + b''.join(blobs))


# --------------------------------------------------------------------- HF architectures
def layer_norm(x, w, b, eps):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), w, b, eps)


def gelu(x, act):
    return torch.nn.functional.gelu(x, approximate='tanh' if act in ('gelu_new', 'gelu_pytorch_tanh') else 'none')


def attention(q, k, v, heads, causal):
    T, H = q.shape
    d = H // heads
    q = q.view(T, heads, d).transpose(0, 1)
    k = k.view(T, heads, d).transpose(0, 1)
    v = v.view(T, heads, d).transpose(0, 1)
    scores = q @ k.transpose(-1, -2) / math.sqrt(d)
    if causal:
        mask = torch.tril(torch.ones(T, T, dtype=torch.bool))
        scores = scores.masked_fill(~mask, torch.finfo(scores.dtype).min)
    probs = scores.softmax(-1)
    ctx = (probs @ v).transpose(0, 1).reshape(T, H)
    return ctx, probs


def bert_layers(sd, cfg, x, prefix):
    """BERT's encoder layers under `prefix` (BertModel's, also ElectraModel's)."""
    g = lambda n: sd[n]
    eps = cfg['layer_norm_eps']
    atts = []
    for i in range(cfg['num_hidden_layers']):
        p = f'{prefix}encoder.layer.{i}.'
        lin = lambda name, h: h @ g(p + name + '.weight').T + g(p + name + '.bias')
        ctx, probs = attention(lin('attention.self.query', x), lin('attention.self.key', x), lin('attention.self.value', x),
                               cfg['num_attention_heads'], False)
        atts.append(probs)
        x = layer_norm(lin('attention.output.dense', ctx) + x, g(p + 'attention.output.LayerNorm.weight'),
                       g(p + 'attention.output.LayerNorm.bias'), eps)
        h = gelu(lin('intermediate.dense', x), cfg['hidden_act'])
        x = layer_norm(lin('output.dense', h) + x, g(p + 'output.LayerNorm.weight'), g(p + 'output.LayerNorm.bias'), eps)
    return atts, x


def bert_forward(sd, cfg, ids, types):
    g = lambda n: sd[n]
    T = len(ids)
    x = g('bert.embeddings.word_embeddings.weight')[ids] + g('bert.embeddings.position_embeddings.weight')[:T] \
        + g('bert.embeddings.token_type_embeddings.weight')[types]
    eps = cfg['layer_norm_eps']
    x = layer_norm(x, g('bert.embeddings.LayerNorm.weight'), g('bert.embeddings.LayerNorm.bias'), eps)
    atts, x = bert_layers(sd, cfg, x, 'bert.')
    t = gelu(x @ g('cls.predictions.transform.dense.weight').T + g('cls.predictions.transform.dense.bias'), cfg['hidden_act'])
    t = layer_norm(t, g('cls.predictions.transform.LayerNorm.weight'), g('cls.predictions.transform.LayerNorm.bias'), eps)
    logits = t @ g('bert.embeddings.word_embeddings.weight').T + g('cls.predictions.bias')
    return atts, logits


def albert_forward(sd, cfg, ids, types):
    g = lambda n: sd[n]
    T = len(ids)
    eps = cfg['layer_norm_eps']
    e = g('albert.embeddings.word_embeddings.weight')[ids] + g('albert.embeddings.position_embeddings.weight')[:T] \
        + g('albert.embeddings.token_type_embeddings.weight')[types]
    e = layer_norm(e, g('albert.embeddings.LayerNorm.weight'), g('albert.embeddings.LayerNorm.bias'), eps)
    x = e @ g('albert.encoder.embedding_hidden_mapping_in.weight').T + g('albert.encoder.embedding_hidden_mapping_in.bias')
    L, G = cfg['num_hidden_layers'], cfg['num_hidden_groups']
    atts = []
    for i in range(L):
        group = int(i / (L / G))
        p = f'albert.encoder.albert_layer_groups.{group}.albert_layers.0.'
        lin = lambda name, h: h @ g(p + name + '.weight').T + g(p + name + '.bias')
        ctx, probs = attention(lin('attention.query', x), lin('attention.key', x), lin('attention.value', x),
                               cfg['num_attention_heads'], False)
        atts.append(probs)
        x = layer_norm(x + lin('attention.dense', ctx), g(p + 'attention.LayerNorm.weight'), g(p + 'attention.LayerNorm.bias'), eps)
        h = lin('ffn_output', gelu(lin('ffn', x), cfg['hidden_act']))
        x = layer_norm(h + x, g(p + 'full_layer_layer_norm.weight'), g(p + 'full_layer_layer_norm.bias'), eps)
    t = gelu(x @ g('predictions.dense.weight').T + g('predictions.dense.bias'), cfg['hidden_act'])
    t = layer_norm(t, g('predictions.LayerNorm.weight'), g('predictions.LayerNorm.bias'), eps)
    logits = t @ g('albert.embeddings.word_embeddings.weight').T + g('predictions.bias')
    return atts, logits


def gpt2_forward(sd, cfg, ids, types):
    g = lambda n: sd[n]
    T = len(ids)
    eps = cfg['layer_norm_epsilon']
    H = cfg['n_embd']
    x = g('transformer.wte.weight')[ids] + g('transformer.wpe.weight')[:T]
    conv1d = lambda name, h: torch.addmm(g(name + '.bias'), h, g(name + '.weight'))  # Conv1D: weight (in, out)
    atts = []
    for i in range(cfg['n_layer']):
        p = f'transformer.h.{i}.'
        a = layer_norm(x, g(p + 'ln_1.weight'), g(p + 'ln_1.bias'), eps)
        q, k, v = conv1d(p + 'attn.c_attn', a).split(H, dim=-1)
        ctx, probs = attention(q, k, v, cfg['n_head'], True)
        atts.append(probs)
        x = x + conv1d(p + 'attn.c_proj', ctx)
        m = layer_norm(x, g(p + 'ln_2.weight'), g(p + 'ln_2.bias'), eps)
        x = x + conv1d(p + 'mlp.c_proj', gelu(conv1d(p + 'mlp.c_fc', m), cfg['activation_function']))
    x = layer_norm(x, g('transformer.ln_f.weight'), g('transformer.ln_f.bias'), eps)
    return atts, x @ g('transformer.wte.weight').T


def electra_encoder(sd, cfg, ids, types):
    """ElectraModel: BERT's encoder under 'electra.', with embeddings_project when E != H."""
    g = lambda n: sd[n]
    T = len(ids)
    eps = cfg['layer_norm_eps']
    x = g('electra.embeddings.word_embeddings.weight')[ids] + g('electra.embeddings.position_embeddings.weight')[:T] \
        + g('electra.embeddings.token_type_embeddings.weight')[types]
    x = layer_norm(x, g('electra.embeddings.LayerNorm.weight'), g('electra.embeddings.LayerNorm.bias'), eps)
    if 'electra.embeddings_project.weight' in sd:
        x = x @ g('electra.embeddings_project.weight').T + g('electra.embeddings_project.bias')
    return bert_layers(sd, cfg, x, 'electra.')


def electra_discriminator(sd, cfg, ids, types):
    """ElectraForPreTraining: P(replaced) per token."""
    atts, x = electra_encoder(sd, cfg, ids, types)
    h = gelu(x @ sd['discriminator_predictions.dense.weight'].T + sd['discriminator_predictions.dense.bias'], cfg['hidden_act'])
    logits = (h @ sd['discriminator_predictions.dense_prediction.weight'].T + sd['discriminator_predictions.dense_prediction.bias']).squeeze(-1)
    return atts, torch.sigmoid(logits)


def electra_generator(sd, cfg, ids, types):
    """ElectraForMaskedLM: the generator's MLM logits (output tied to the word embeddings)."""
    _, x = electra_encoder(sd, cfg, ids, types)
    t = gelu(x @ sd['generator_predictions.dense.weight'].T + sd['generator_predictions.dense.bias'], 'gelu')
    t = layer_norm(t, sd['generator_predictions.LayerNorm.weight'], sd['generator_predictions.LayerNorm.bias'], cfg['layer_norm_eps'])
    return t @ sd['electra.embeddings.word_embeddings.weight'].T + sd['generator_lm_head.bias']


def distilbert_forward(sd, cfg, ids, types):
    """DistilBertForMaskedLM: no token types; q_lin/k_lin/v_lin; sa_layer_norm, output_layer_norm."""
    g = lambda n: sd[n]
    T = len(ids)
    eps = 1e-12
    x = g('distilbert.embeddings.word_embeddings.weight')[ids] + g('distilbert.embeddings.position_embeddings.weight')[:T]
    x = layer_norm(x, g('distilbert.embeddings.LayerNorm.weight'), g('distilbert.embeddings.LayerNorm.bias'), eps)
    atts = []
    for i in range(cfg['n_layers']):
        p = f'distilbert.transformer.layer.{i}.'
        lin = lambda name, h: h @ g(p + name + '.weight').T + g(p + name + '.bias')
        ctx, probs = attention(lin('attention.q_lin', x), lin('attention.k_lin', x), lin('attention.v_lin', x), cfg['n_heads'], False)
        atts.append(probs)
        x = layer_norm(lin('attention.out_lin', ctx) + x, g(p + 'sa_layer_norm.weight'), g(p + 'sa_layer_norm.bias'), eps)
        h = lin('ffn.lin2', gelu(lin('ffn.lin1', x), cfg['activation']))
        x = layer_norm(h + x, g(p + 'output_layer_norm.weight'), g(p + 'output_layer_norm.bias'), eps)
    t = gelu(x @ g('vocab_transform.weight').T + g('vocab_transform.bias'), cfg['activation'])
    t = layer_norm(t, g('vocab_layer_norm.weight'), g('vocab_layer_norm.bias'), eps)
    return atts, t @ g('distilbert.embeddings.word_embeddings.weight').T + g('vocab_projector.bias')


FORWARD = {'bert': bert_forward, 'albert': albert_forward, 'gpt2': gpt2_forward, 'distilbert': distilbert_forward}


# --------------------------------------------------------------------- the check
def perturb(sd, seed):
    """Large random weights, so attention is far from uniform and mistakes show."""
    gen = torch.Generator().manual_seed(seed)
    out = {}
    for name, t in sd.items():
        if 'LayerNorm.weight' in name or name.endswith('ln_1.weight') or name.endswith('ln_2.weight') \
                or name.endswith('ln_f.weight') or 'layer_norm.weight' in name:
            out[name] = 1.0 + 0.3 * torch.randn(t.shape, generator=gen)
        elif 'embeddings' in name or name.endswith('wte.weight') or name.endswith('wpe.weight'):
            out[name] = 0.5 * torch.randn(t.shape, generator=gen)
        else:
            fan_in = t.shape[-1] if t.dim() == 2 else 1
            out[name] = torch.randn(t.shape, generator=gen) * (1.5 / math.sqrt(max(fan_in, 1)))
    return out


def run(cli, args):
    r = subprocess.run([cli] + args, capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        raise SystemExit(f'FAILED: {" ".join(args)}')
    return r.stdout


def check(cli, tmp, preset, sets, text, text_b, seed):
    out = os.path.join(tmp, preset + '-' + '-'.join(s.replace('=', '') for s in sets))
    run(cli, ['init', '--preset', preset, '--out', out] + sum((['--set', s] for s in sets), []))
    cfg = json.load(open(os.path.join(out, 'config.json')))
    family = cfg['model_type']
    sd = perturb(read_safetensors(os.path.join(out, 'model.safetensors')), seed)
    write_safetensors(os.path.join(out, 'model.safetensors'), sd)
    if family == 'electra':
        # The generator shares the discriminator's embeddings (and their LayerNorm).
        gdir = os.path.join(out, 'generator')
        gcfg = json.load(open(os.path.join(gdir, 'config.json')))
        assert gcfg['architectures'] == ['ElectraForMaskedLM'] and cfg['architectures'] == ['ElectraForPreTraining']
        gsd = perturb(read_safetensors(os.path.join(gdir, 'model.safetensors')), seed + 100)
        for name in list(gsd):
            if name.startswith('electra.embeddings.'):
                gsd[name] = sd[name]
        write_safetensors(os.path.join(gdir, 'model.safetensors'), gsd)
    args = ['inspect', '--checkpoint', out, '--text', text, '--json', '--top-k', '8']
    if text_b:
        args += ['--text-b', text_b]
    res = json.loads(run(cli, args))
    ids = torch.tensor(res['ids'])
    types = torch.tensor(res['type_ids'])
    with torch.no_grad():
        if family == 'electra':
            atts, replaced = electra_discriminator(sd, cfg, ids, types)
            logits = electra_generator(gsd, gcfg, ids, types)
        else:
            atts, logits = FORWARD[family](sd, cfg, ids, types)
    worst = 0.0
    if family == 'electra':
        d = (torch.tensor(res['replaced_prob']) - replaced).abs().max().item()
        print(f'{preset} discriminator P(replaced) {tuple(replaced.shape)}: TENSOR {"OK" if d < TOL else "BAD"}, maxdiff = {d:.3e}')
        worst = max(worst, d)
    ours = torch.tensor(res['attentions'])  # [layer][head][query][key]
    ref = torch.stack(atts)
    assert ours.shape == ref.shape, (ours.shape, ref.shape)
    att_diff = (ours - ref).abs().max().item()
    entropy = -(ref.clamp_min(1e-12).log() * ref).sum(-1).mean().item()
    print(f'{preset} {" ".join(sets)} attention {tuple(ref.shape)}: TENSOR {"OK" if att_diff < TOL else "BAD"}, '
          f'maxdiff = {att_diff:.3e} (mean row entropy {entropy:.2f} nats)')
    worst = max(worst, att_diff)
    probs = logits.softmax(-1)
    for p in res['mlm_top_k']:
        pos = p['position']
        ref_ids = [c['id'] for c in p['candidates']]
        our_probs = torch.tensor([c['prob'] for c in p['candidates']])
        ref_probs = probs[pos, ref_ids]
        d = (our_probs - ref_probs).abs().max().item()
        top_ok = int(probs[pos].argmax()) == ref_ids[0]
        print(f'{preset} {" ".join(sets)} MLM probabilities at {pos}: TENSOR {"OK" if d < TOL and top_ok else "BAD"}, '
              f'maxdiff = {d:.3e}, top-1 {"agrees" if top_ok else "DIFFERS"} (p={ref_probs[0]:.3f})')
        worst = max(worst, d if top_ok else 1.0)
    if family != 'gpt2' and not res['mlm_top_k']:
        raise SystemExit('FAILED: no [MASK] predictions to compare')
    return worst


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    cli = sys.argv[1]
    torch.set_num_threads(1)
    text = 'The jury said the [MASK] was conducted in a fair [MASK] .'
    with tempfile.TemporaryDirectory() as tmp:
        worst = max(
            check(cli, tmp, 'bert-tiny', [], text, 'It was a long day .', 1),
            check(cli, tmp, 'bert-mini', [], text, None, 2),
            check(cli, tmp, 'albert-tiny', [], text, 'Nobody objected .', 3),
            check(cli, tmp, 'albert-tiny', ['sharing=none'], text, None, 4),
            check(cli, tmp, 'gpt-tiny', [], 'The jury said the election was conducted in a fair manner.', None, 5),
            check(cli, tmp, 'gpt-mini', [], 'Il a dit: « 안녕하세요 » — done.', None, 6),
            check(cli, tmp, 'electra-tiny', [], text, 'Nobody objected .', 7),
            check(cli, tmp, 'electra-mini', [], text, None, 8),
            check(cli, tmp, 'distilbert-mini', [], text, None, 9),
        )
    print(f'worst difference {worst:.3e} (tolerance {TOL:g})')
    print('1 passed, 0 failed' if worst < TOL else '0 passed, 1 failed')
    sys.exit(0 if worst < TOL else 1)


if __name__ == '__main__':
    main()
