#include "core/api/JobSpec.h"
#include "core/api/Tasks.h"
#include "core/util/Error.h"
#include "core/util/Files.h"
#include "core/util/Parse.h"

#include <nlohmann/json.hpp>

namespace ptl {

using nlohmann::json;

std::string toString(Precision p)
{
    switch (p) {
    case Precision::Fp32: return "fp32";
    case Precision::Bf16: return "bf16";
    case Precision::Auto: return "auto";
    }
    return "?";
}

static Precision precisionFromString(const std::string& s)
{
    if (s == "fp32") return Precision::Fp32;
    if (s == "bf16") return Precision::Bf16;
    if (s == "auto") return Precision::Auto;
    throw Error("precision: unknown value '" + s + "'", "use fp32, bf16 or auto");
}

std::string TrainConfig::validate() const
{
    auto num = [](double v) { return std::to_string(v); };
    if (steps < 1) return "steps: must be at least 1 (got " + num(steps) + ")";
    if (batch_size < 1) return "batch_size: must be at least 1 (got " + num(batch_size) + ")";
    if (processes < 1 || processes > 256) return "processes: must be 1 to 256 (got " + std::to_string(processes) + ")";
    if (batch_size % processes != 0)
        return "batch_size: " + std::to_string(batch_size) + " does not split evenly among " + std::to_string(processes) + " processes (make it a multiple of processes)";
    if (!(dist_timeout >= 1) || dist_timeout > 86400) return "dist_timeout: must be 1 to 86400 seconds (got " + num(dist_timeout) + ")";
    if (!(bucket_mb > 0) || bucket_mb > 1024) return "bucket_mb: must be above 0 and at most 1024 (got " + num(bucket_mb) + ")";
    if (seq_len < 8) return "seq_len: must be at least 8 (got " + num(seq_len) + ")";
    if (grad_accum < 1) return "grad_accum: must be at least 1 (got " + num(grad_accum) + ")";
    if (!(lr > 0 && lr < 1)) return "lr: must be in (0, 1) (got " + num(lr) + ")";
    if (weight_decay < 0) return "weight_decay: must be 0 or more (got " + num(weight_decay) + ")";
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) return "beta1/beta2: must be in [0, 1)";
    if (!(eps > 0)) return "eps: must be positive";
    if (warmup_steps < 0) return "warmup_steps: must be 0 or more";
    if (schedule != "linear" && schedule != "cosine") return "schedule: must be linear or cosine (got " + schedule + ")";
    if (clip_norm < 0) return "clip_norm: must be 0 (off) or positive";
    if (threads < 0) return "threads: must be 0 (every core) or more";
    if (log_every < 1 || eval_every < 1 || checkpoint_every < 1 || probe_every < 1)
        return "log_every/eval_every/checkpoint_every/probe_every: must be at least 1";
    if (eval_batches < 1) return "eval_batches: must be at least 1";
    if (keep_last < 0) return "keep_last: must be 0 (keep all) or more";
    if (!(held_out > 0 && held_out < 0.5)) return "held_out: must be in (0, 0.5) (got " + num(held_out) + ")";
    if (!(mask_prob > 0 && mask_prob < 1)) return "mask_prob: must be in (0, 1) (got " + num(mask_prob) + ")";
    if (max_predictions < 1) return "max_predictions: must be at least 1";
    if (mask_ratio < 0 || random_ratio < 0 || mask_ratio + random_ratio > 1.0 + 1e-12)
        return "mask_ratio + random_ratio: must be non-negative and at most 1";
    if (max_ngram < 1 || max_ngram > 10) return "max_ngram: must be between 1 and 10";
    if (!(short_seq_prob >= 0 && short_seq_prob <= 1)) return "short_seq_prob: must be in [0, 1]";
    if (!(disc_weight >= 0)) return "disc_weight: must be 0 or more";
    if (!(gen_temperature > 0)) return "gen_temperature: must be positive";
    if (!(gen_temperature_start >= 0)) return "gen_temperature_start: must be 0 (off) or positive";
    if (gen_temperature_steps < 0) return "gen_temperature_steps: must be 0 (the whole run) or more";
    if (replacements != "generator" && replacements != "unigram")
        return "replacements: must be generator or unigram (got " + replacements + ")";
    if (freeze_generator && generator_from.empty())
        return "freeze_generator: needs generator_from, the ELECTRA checkpoint whose generator to freeze";
    if (start_seq_len < 0 || start_seq_len > seq_len)
        return "start_seq_len: must be between 0 (off) and seq_len " + std::to_string(seq_len) + " (got " + std::to_string(start_seq_len) + ")";
    if (start_seq_len > 0 && start_seq_len < 8) return "start_seq_len: at least 8 tokens (got " + std::to_string(start_seq_len) + ")";
    if (!(start_seq_share >= 0.0 && start_seq_share <= 1.0)) return "start_seq_share: must be in [0, 1]";
    if (!(entity_mask_prob >= 0 && entity_random_prob >= 0 && entity_mask_prob + entity_random_prob <= 1.0 + 1e-12))
        return "entity_mask_prob + entity_random_prob: must be non-negative and at most 1";
    if (!(dea_weight >= 0)) return "dea_weight: must be 0 or more";
    if (dynamics_sequences < 1) return "dynamics_sequences: must be at least 1 (got " + std::to_string(dynamics_sequences) + ")";
    return {};
}

std::vector<int> DistillConfig::mapping(int m, int n) const
{
    if (!layer_map.empty()) return layer_map;
    std::vector<int> out;
    for (int i = 1; i <= m; ++i) out.push_back(i * n / m);  // g(m) = m N / M
    return out;
}

std::vector<int> DistillConfig::initLayers(int m, int n) const
{
    if (!init_layers.empty()) return init_layers;
    std::vector<int> out;
    for (int i = 0; i < m; ++i) out.push_back(std::min(n - 1, 2 * i));  // every other layer
    return out;
}

static std::vector<int> parseIntList(const std::string& key, const std::string& value)
{
    std::vector<int> out;
    std::string item;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i == value.size() || value[i] == ',') {
            if (!item.empty()) out.push_back(static_cast<int>(parseInteger(key, item)));
            item.clear();
        } else if (value[i] != ' ' && value[i] != '[' && value[i] != ']') {
            item += value[i];
        }
    }
    return out;
}

std::string JobSpec::objective() const
{
    if (finetune.active()) return "finetune:" + finetune.task;
    if (distill.method == "distilbert") return "distil (kd+mlm+cos)";
    if (distill.method == "tinybert") return "tinybert (att+hid+emb+pred)";
    switch (model.family) {
    case Family::Bert: return std::string(train.pair_loss ? "mlm+nsp" : "mlm") + (model.isErnie() ? "+dea" : "");
    case Family::Albert: return train.pair_loss ? "mlm+sop" : "mlm";
    case Family::Gpt2: return "clm";
    case Family::Electra: return "mlm+rtd";
    case Family::DistilBert: return "mlm";
    }
    return "?";
}

std::string JobSpec::validate() const
{
    if (auto m = model.validate(); !m.empty()) return m;
    if (auto t = train.validate(); !t.empty()) return t;
    if (distill.active()) {
        if (distill.method != "distilbert" && distill.method != "tinybert") return "distill: method must be distilbert or tinybert";
        if (distill.teacher.empty()) return "teacher: a distillation needs the teacher's checkpoint folder";
        if (!model.hasMlmHead()) return "distill: the student must be a masked-LM model (bert or distilbert)";
        if (!(distill.temperature > 0)) return "temperature: must be positive";
        for (int l : distill.init_layers)
            if (l < 0) return "init_layers: layer numbers start at 0";
        if (!distill.init_layers.empty() && static_cast<int>(distill.init_layers.size()) != model.num_layers)
            return "init_layers: give one teacher layer per student layer (" + std::to_string(model.num_layers) + ")";
        if (!distill.layer_map.empty() && static_cast<int>(distill.layer_map.size()) != model.num_layers)
            return "layer_map: give one teacher layer per student layer (" + std::to_string(model.num_layers) + ")";
        for (int l : distill.layer_map)
            if (l < 1) return "layer_map: teacher layers are numbered from 1 (0 is the embeddings)";
    }
    if (finetune.active()) {
        if (distill.active()) return "finetune: a job fine-tunes or distils, not both";
        if (finetune.checkpoint.empty()) return "checkpoint: fine-tuning needs the pre-trained model's folder";
        bool known = false;
        std::string names;
        for (const auto& t : taskList()) {
            known = known || t.name == finetune.task;
            names += (names.empty() ? "" : ", ") + t.name;
        }
        if (!known) return "task: no task '" + finetune.task + "' (tasks: " + names + ")";
        if (!(finetune.body_lr_factor > 0) || finetune.body_lr_factor > 100) return "body_lr_factor: must be in (0, 100]";
        if (!(finetune.layer_decay > 0) || finetune.layer_decay > 1) return "layer_decay: must be in (0, 1]";
        if (finetune.freeze_layers < 0 || finetune.freeze_layers > model.num_layers)
            return "freeze_layers: must be 0.." + std::to_string(model.num_layers) + " (the model's layers)";
        if (finetune.freeze_layers > 0 && model.sharing != Sharing::None)
            return "freeze_layers: ALBERT's layers share their weights; freeze all or none (freeze_embeddings)";
        if (!(finetune.lm_weight >= 0)) return "lm_weight: must be 0 or more";
        if (!(finetune.head_dropout >= 0 && finetune.head_dropout < 1)) return "head_dropout: must be in [0, 1)";
        if (finetune.patience < 0) return "patience: must be 0 (off) or more";
        if (finetune.max_train_examples < 0) return "max_train_examples: must be 0 (all) or more";
        if (finetune.max_eval_examples < 0) return "max_eval_examples: must be 0 (all) or more";
        if (finetune.doc_stride < 1) return "doc_stride: must be 1 or more";
        bool span = false;  // the passage window limits only reading comprehension
        for (const auto& t : taskList()) span = span || (t.name == finetune.task && t.kind == TaskKind::Span);
        if (finetune.max_query_len < 1 || (span && finetune.max_query_len > train.seq_len - 8))
            return "max_query_len: must be 1.." + std::to_string(train.seq_len - 8) + " (seq_len leaves room for the passage)";
        if (finetune.max_answer_len < 1) return "max_answer_len: must be 1 or more";
    }
    if (model.family != Family::Electra && (train.replacements != "generator" || !train.generator_from.empty() || train.gen_temperature_start > 0 ||
                                            !train.discriminator_from.empty()))
        return "replacements/generator_from/discriminator_from/gen_temperature_start: ELECTRA settings, and this is a " + toString(model.family) + " model";
    if (train.seq_len > model.max_position_embeddings)
        return "seq_len: must not exceed max_position_embeddings " + std::to_string(model.max_position_embeddings) +
               " (got " + std::to_string(train.seq_len) + ")";
    if (model.family == Family::Gpt2 && tokenizer != TokenizerKind::ByteLevelBpe)
        return "tokenizer: gpt2 trains with the byte-level BPE vocabulary";
    if (model.family != Family::Gpt2 && tokenizer != TokenizerKind::WordPiece)
        return "tokenizer: bert, albert and electra train with the WordPiece vocabulary";
    return {};
}

json JobSpec::toJson() const
{
    const TrainConfig& t = train;
    return {
        {"name", name}, {"preset", preset}, {"objective", objective()}, {"tokenizer", toString(tokenizer)},
        {"corpus", corpus}, {"extra_corpus", extra_corpus}, {"out_dir", out_dir}, {"model", model.toJson()},
        {"train",
         {{"steps", t.steps}, {"batch_size", t.batch_size}, {"seq_len", t.seq_len}, {"start_seq_len", t.start_seq_len},
          {"start_seq_share", t.start_seq_share}, {"grad_accum", t.grad_accum}, {"lr", t.lr},
          {"weight_decay", t.weight_decay}, {"beta1", t.beta1}, {"beta2", t.beta2}, {"eps", t.eps}, {"warmup_steps", t.warmup_steps},
          {"schedule", t.schedule}, {"clip_norm", t.clip_norm}, {"seed", t.seed}, {"threads", t.threads},
          {"processes", t.processes}, {"dist_timeout", t.dist_timeout}, {"bucket_mb", t.bucket_mb},
          {"precision", toString(t.precision)}, {"log_every", t.log_every}, {"eval_every", t.eval_every},
          {"eval_batches", t.eval_batches}, {"checkpoint_every", t.checkpoint_every}, {"keep_last", t.keep_last},
          {"probe_every", t.probe_every}, {"probe_text", t.probe_text}, {"held_out", t.held_out}, {"mask_prob", t.mask_prob},
          {"max_predictions", t.max_predictions}, {"mask_ratio", t.mask_ratio}, {"random_ratio", t.random_ratio},
          {"whole_word", t.whole_word}, {"max_ngram", t.max_ngram}, {"dynamic_masking", t.dynamic_masking}, {"space_sentences", t.space_sentences},
          {"short_seq_prob", t.short_seq_prob}, {"pair_loss", t.pair_loss}, {"disc_weight", t.disc_weight},
          {"gen_temperature", t.gen_temperature}, {"gen_temperature_start", t.gen_temperature_start},
          {"gen_temperature_steps", t.gen_temperature_steps}, {"replacements", t.replacements},
          {"generator_from", t.generator_from}, {"freeze_generator", t.freeze_generator},
          {"discriminator_from", t.discriminator_from}, {"dynamics", t.dynamics}, {"dynamics_sequences", t.dynamics_sequences},
          {"knowledge", t.knowledge}, {"entity_mask_prob", t.entity_mask_prob}, {"entity_random_prob", t.entity_random_prob},
          {"dea_weight", t.dea_weight},
          {"debug_nan_step", t.debug_nan_step}}},
        {"distill",
         {{"method", distill.method}, {"teacher", distill.teacher}, {"teacher_run", distill.teacher_run},
          {"init_layers", distill.init_layers}, {"layer_map", distill.layer_map}, {"temperature", distill.temperature},
          {"alpha_ce", distill.alpha_ce}, {"alpha_mlm", distill.alpha_mlm}, {"alpha_cos", distill.alpha_cos},
          {"alpha_att", distill.alpha_att}, {"alpha_hid", distill.alpha_hid}, {"alpha_emb", distill.alpha_emb},
          {"alpha_pred", distill.alpha_pred}, {"separate_projections", distill.separate_projections}}},
        {"finetune",
         {{"task", finetune.task}, {"checkpoint", finetune.checkpoint}, {"task_seed", finetune.task_seed},
          {"body_lr_factor", finetune.body_lr_factor}, {"layer_decay", finetune.layer_decay},
          {"freeze_embeddings", finetune.freeze_embeddings}, {"freeze_layers", finetune.freeze_layers},
          {"lm_weight", finetune.lm_weight}, {"head_dropout", finetune.head_dropout}, {"patience", finetune.patience},
          {"max_train_examples", finetune.max_train_examples},
          {"max_eval_examples", finetune.max_eval_examples}, {"from_scratch", finetune.from_scratch},
          {"doc_stride", finetune.doc_stride}, {"max_query_len", finetune.max_query_len}, {"max_answer_len", finetune.max_answer_len}}},
    };
}

JobSpec JobSpec::fromPreset(const std::string& presetName)
{
    const Preset& p = presetByName(presetName);
    JobSpec s;
    s.name = p.name;
    s.preset = p.name;
    s.model = p.model;
    s.tokenizer = p.tokenizer;
    s.train.seq_len = p.seq_len;
    if (p.name == "bert-tiny") {
        // The plateau study's winner (scripts/study_plateau.py, README table): 40% masking
        // (Wettig et al. 2023), lr 2e-3, 32-token sequences for the first half of the steps
        // (the 128-token phase is where the loss leaves the plateau: a longer one beats a
        // longer short phase), 1,600 steps: 336 s here told to run as a CPU without AVX-512
        // does, so 6-9 minutes on the 2-core Zen 3 machine, below 0.85 of the unigram
        // entropy from step 1,200.
        s.train.steps = 1600;
        s.train.lr = 2e-3;
        s.train.mask_prob = 0.4;
        s.train.max_predictions = 52;
        s.train.start_seq_len = 32;
        s.train.start_seq_share = 0.5;
    }
    if (p.name == "ernie-mini") {
        // The shipped ernie-mini-brown's recipe (resources/models/README.md): bert-tiny's
        // masking and learning rate at BERT-mini's width, 1,000 steps.
        s.train.steps = 1000;
        s.train.lr = 1e-3;
        s.train.mask_prob = 0.4;
        s.train.max_predictions = 52;
        s.train.warmup_steps = 100;
    }
    if (p.name == "gpt-tiny") {
        // The study's winner: lr 2e-3 without dropout, 800 steps (about 10 minutes on 2 cores
        // without AVX-512).
        s.train.steps = 800;
        s.train.lr = 2e-3;
    }
    if (p.model.family == Family::Gpt2) s.train.space_sentences = true;  // running text, as GPT-2 reads it
    if (p.model.family == Family::Albert) {
        s.train.max_ngram = 3;  // ALBERT's n-gram masking
        s.train.lr = 1e-3;
    }
    if (p.model.family == Family::Electra) {
        s.train.mask_ratio = 0.85;  // ELECTRA: 85% [MASK], 15% kept, no random replacement
        s.train.random_ratio = 0.0;
    }
    return s;
}

JobSpec JobSpec::forDistillation(const std::string& teacherDir, const std::string& method, int studentLayers, int studentHidden)
{
    if (method != "distilbert" && method != "tinybert")
        throw Error("unknown distillation method '" + method + "'", "use distilbert or tinybert");
    const std::string text = readTextFile(std::filesystem::path(teacherDir) / "config.json");
    const json cj = json::parse(text, nullptr, false);
    if (cj.is_discarded()) throw Error(teacherDir + "/config.json is not valid JSON");
    const ModelConfig t = ModelConfig::fromJson(cj);
    if (t.family != Family::Bert && t.family != Family::DistilBert)
        throw Error("the teacher is a " + toString(t.family) + " model; distillation here takes a BERT teacher",
                    "open a BERT checkpoint, e.g. the shipped resources/models/bert-mini-brown");
    JobSpec s;
    s.model = t;
    s.model.sharing = Sharing::None;
    s.model.num_layers = studentLayers > 0 ? studentLayers : std::max(1, t.num_layers / 2);
    if (method == "distilbert") {
        s.model.family = Family::DistilBert;
        s.model.type_vocab_size = 0;
        s.model.embedding_size = s.model.hidden_size;
    } else {
        s.model.family = Family::Bert;
        s.model.type_vocab_size = std::max(2, t.type_vocab_size);
        s.model.hidden_size = studentHidden > 0 ? studentHidden : std::max(t.num_heads, t.hidden_size / 2);
        s.model.num_heads = t.num_heads;  // TinyBERT compares attention head by head
        s.model.intermediate_size = 4 * s.model.hidden_size;
        s.model.embedding_size = s.model.hidden_size;
    }
    s.distill.method = method;
    s.distill.teacher = teacherDir;
    s.train.pair_loss = false;  // the student learns the teacher's MLM, not NSP
    s.name = method + " of " + std::filesystem::path(teacherDir).filename().string();
    s.preset = method;
    return s;
}

JobSpec JobSpec::forFinetuning(const std::string& checkpointDir, const std::string& task)
{
    const std::filesystem::path cfg = std::filesystem::path(checkpointDir) / "config.json";
    if (!std::filesystem::exists(cfg))
        throw Error(checkpointDir + " has no config.json", "give a checkpoint folder, e.g. resources/models/bert-mini-brown");
    const json cj = json::parse(readTextFile(cfg), nullptr, false);
    if (cj.is_discarded()) throw Error(cfg.string() + " is not valid JSON");
    JobSpec s;
    s.model = ModelConfig::fromJson(cj);
    s.tokenizer = s.model.family == Family::Gpt2 ? TokenizerKind::ByteLevelBpe : TokenizerKind::WordPiece;
    s.finetune.task = task;
    s.finetune.checkpoint = checkpointDir;
    // BERT's fine-tuning recipe scaled to a small model and task: the head at 1e-3 (the
    // body at a tenth of it), 10% warmup, linear decay, dropout 0.1 in the body.
    s.model.hidden_dropout = 0.1;
    s.model.attention_dropout = 0.1;
    s.model.embedding_dropout = 0.1;
    s.train.steps = 600;
    s.train.lr = 1e-3;
    s.train.warmup_steps = 60;
    s.train.eval_every = 50;
    s.train.checkpoint_every = 100;
    s.train.keep_last = 1;
    s.train.probe_every = 100;
    s.train.dynamics = false;
    s.train.pair_loss = false;
    s.train.seed = 1234;
    s.name = task + " from " + std::filesystem::path(checkpointDir).filename().string();
    s.preset = "finetune";
    return s;
}

JobSpec JobSpec::fromJson(const json& j)
{
    if (!j.is_object()) throw Error("job spec: expected a JSON object");
    JobSpec s;
    try {
        s.name = j.value("name", std::string());
        s.preset = j.value("preset", std::string());
        s.corpus = j.value("corpus", std::string());
        s.extra_corpus = j.value("extra_corpus", std::string());
        s.out_dir = j.value("out_dir", std::string());
        s.tokenizer = j.value("tokenizer", std::string("wordpiece")) == "bpe" ? TokenizerKind::ByteLevelBpe : TokenizerKind::WordPiece;
        if (j.contains("model")) s.model = ModelConfig::fromJson(j.at("model"));
        else if (!s.preset.empty()) s.model = presetByName(s.preset).model;
        for (const char* section : {"train", "distill", "finetune"}) {
            if (!j.contains(section)) continue;
            const json& t = j.at(section);
            for (auto it = t.begin(); it != t.end(); ++it)
                s.set(it.key(), it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
        }
    } catch (const json::exception& e) {
        throw Error(std::string("job spec: ") + e.what(), "compare with 'pretrainlab-cli runs show ID --json'");
    }
    return s;
}

void JobSpec::setAll(const std::vector<std::string>& assignments)
{
    for (const auto& kv : assignments) {
        const auto [key, value] = splitAssignment(kv);
        set(key, value);
    }
}

void JobSpec::set(const std::string& key, const std::string& value)
{
    TrainConfig& t = train;
    auto toInt = [&](auto& out) { out = static_cast<std::remove_reference_t<decltype(out)>>(parseInteger(key, value)); };
    auto toDouble = [&](double& out) { out = parseNumber(key, value); };
    auto toBool = [&](bool& out) { out = parseBool(key, value); };
    if (key == "steps") toInt(t.steps);
    else if (key == "batch_size") toInt(t.batch_size);
    else if (key == "seq_len") toInt(t.seq_len);
    else if (key == "start_seq_len") toInt(t.start_seq_len);
    else if (key == "start_seq_share") toDouble(t.start_seq_share);
    else if (key == "grad_accum") toInt(t.grad_accum);
    else if (key == "lr") toDouble(t.lr);
    else if (key == "weight_decay") toDouble(t.weight_decay);
    else if (key == "beta1") toDouble(t.beta1);
    else if (key == "beta2") toDouble(t.beta2);
    else if (key == "eps") toDouble(t.eps);
    else if (key == "warmup_steps") toInt(t.warmup_steps);
    else if (key == "schedule") t.schedule = value;
    else if (key == "clip_norm") toDouble(t.clip_norm);
    else if (key == "seed") toInt(t.seed);
    else if (key == "threads") toInt(t.threads);
    else if (key == "processes") toInt(t.processes);
    else if (key == "dist_timeout") toDouble(t.dist_timeout);
    else if (key == "bucket_mb") toDouble(t.bucket_mb);
    else if (key == "precision") t.precision = precisionFromString(value);
    else if (key == "log_every") toInt(t.log_every);
    else if (key == "eval_every") toInt(t.eval_every);
    else if (key == "eval_batches") toInt(t.eval_batches);
    else if (key == "checkpoint_every") toInt(t.checkpoint_every);
    else if (key == "keep_last") toInt(t.keep_last);
    else if (key == "probe_every") toInt(t.probe_every);
    else if (key == "probe_text") t.probe_text = value;
    else if (key == "held_out") toDouble(t.held_out);
    else if (key == "mask_prob") toDouble(t.mask_prob);
    else if (key == "max_predictions") toInt(t.max_predictions);
    else if (key == "mask_ratio") toDouble(t.mask_ratio);
    else if (key == "random_ratio") toDouble(t.random_ratio);
    else if (key == "whole_word") toBool(t.whole_word);
    else if (key == "max_ngram") toInt(t.max_ngram);
    else if (key == "dynamic_masking") toBool(t.dynamic_masking);
    else if (key == "space_sentences") toBool(t.space_sentences);
    else if (key == "short_seq_prob") toDouble(t.short_seq_prob);
    else if (key == "pair_loss") toBool(t.pair_loss);
    else if (key == "disc_weight") toDouble(t.disc_weight);
    else if (key == "gen_temperature") toDouble(t.gen_temperature);
    else if (key == "gen_temperature_start") toDouble(t.gen_temperature_start);
    else if (key == "gen_temperature_steps") toInt(t.gen_temperature_steps);
    else if (key == "replacements") t.replacements = value;
    else if (key == "generator_from") t.generator_from = value;
    else if (key == "freeze_generator") toBool(t.freeze_generator);
    else if (key == "discriminator_from") t.discriminator_from = value;
    else if (key == "dynamics") toBool(t.dynamics);
    else if (key == "dynamics_sequences") toInt(t.dynamics_sequences);
    else if (key == "knowledge") t.knowledge = value;
    else if (key == "entity_mask_prob") toDouble(t.entity_mask_prob);
    else if (key == "entity_random_prob") toDouble(t.entity_random_prob);
    else if (key == "dea_weight") toDouble(t.dea_weight);
    else if (key == "debug_nan_step") toInt(t.debug_nan_step);
    else if (key == "method" || key == "distill") distill.method = value;
    else if (key == "teacher") distill.teacher = value;
    else if (key == "teacher_run") toInt(distill.teacher_run);
    else if (key == "init_layers") distill.init_layers = parseIntList(key, value);
    else if (key == "layer_map") distill.layer_map = parseIntList(key, value);
    else if (key == "temperature") toDouble(distill.temperature);
    else if (key == "alpha_ce") toDouble(distill.alpha_ce);
    else if (key == "alpha_mlm") toDouble(distill.alpha_mlm);
    else if (key == "alpha_cos") toDouble(distill.alpha_cos);
    else if (key == "alpha_att") toDouble(distill.alpha_att);
    else if (key == "alpha_hid") toDouble(distill.alpha_hid);
    else if (key == "alpha_emb") toDouble(distill.alpha_emb);
    else if (key == "alpha_pred") toDouble(distill.alpha_pred);
    else if (key == "separate_projections") toBool(distill.separate_projections);
    else if (key == "task") finetune.task = value;
    else if (key == "checkpoint") finetune.checkpoint = value;
    else if (key == "task_seed") toInt(finetune.task_seed);
    else if (key == "body_lr_factor") toDouble(finetune.body_lr_factor);
    else if (key == "layer_decay") toDouble(finetune.layer_decay);
    else if (key == "freeze_embeddings") toBool(finetune.freeze_embeddings);
    else if (key == "freeze_layers") toInt(finetune.freeze_layers);
    else if (key == "lm_weight") toDouble(finetune.lm_weight);
    else if (key == "head_dropout") toDouble(finetune.head_dropout);
    else if (key == "patience") toInt(finetune.patience);
    else if (key == "max_train_examples") toInt(finetune.max_train_examples);
    else if (key == "max_eval_examples") toInt(finetune.max_eval_examples);
    else if (key == "from_scratch") toBool(finetune.from_scratch);
    else if (key == "doc_stride") toInt(finetune.doc_stride);
    else if (key == "max_query_len") toInt(finetune.max_query_len);
    else if (key == "max_answer_len") toInt(finetune.max_answer_len);
    else if (key == "name") name = value;
    else if (key == "corpus") corpus = value;
    else if (key == "extra_corpus") extra_corpus = value;
    else if (key == "out_dir") out_dir = value;
    else model.set(key, value);  // throws naming the key when it is no model field either
}

} // namespace ptl
