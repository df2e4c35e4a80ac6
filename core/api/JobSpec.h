#pragma once
// A training job as plain values: model configuration, training settings and data.
// JSON round-trippable (stored as the run's config_json); `set(key, value)` overrides any
// field by name, as the CLI's --set does. Torch-free: the GUI builds these.
#include "core/api/ModelConfig.h"
#include "core/api/Presets.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace ptl {

enum class Precision { Fp32, Bf16, Auto };

struct TrainConfig {
    int steps = 1000;
    int batch_size = 32;
    int seq_len = 128;
    // BERT's short-then-long schedule (Devlin et al. 2019, A.2: 128 tokens for 90% of the
    // steps, then 512): the first start_seq_share of the steps train on start_seq_len-token
    // sequences, with the batch grown so a step holds the same number of tokens; evaluation
    // always uses seq_len. 0 turns it off.
    int start_seq_len = 0;
    double start_seq_share = 0.9;
    int grad_accum = 1;           // micro-batches per optimizer step
    double lr = 5e-4;
    double weight_decay = 0.01;   // decoupled; not on biases and LayerNorm weights
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-6;
    int warmup_steps = 100;
    std::string schedule = "linear";  // linear | cosine (after the warmup)
    double clip_norm = 1.0;           // global gradient clipping; 0 turns it off
    std::uint64_t seed = 42;
    int threads = 0;                  // 0: every core (data-parallel: the cores over the processes on this machine)
    // Data-parallel training (core/dist/): processes on this machine (pretrainlab-cli train
    // --nproc N; torchrun and mpirun say it through the environment instead), each taking
    // batch_size / N sequences of every batch; a collective that waits longer than
    // dist_timeout seconds ends the run (a rank died or hung); gradients are exchanged in
    // buckets of bucket_mb megabytes.
    int processes = 1;
    double dist_timeout = 60;
    double bucket_mb = 4;
    Precision precision = Precision::Auto;
    int log_every = 10;
    int eval_every = 100;
    int eval_batches = 8;
    int checkpoint_every = 500;
    int keep_last = 3;                // checkpoints kept (0: all)
    int probe_every = 50;
    std::string probe_text = "The jury said the [MASK] was conducted in a fair manner .";
    double held_out = 0.05;           // share of documents held out for evaluation
    // Objectives
    double mask_prob = 0.15;
    int max_predictions = 20;
    double mask_ratio = 0.8;
    double random_ratio = 0.1;
    bool whole_word = false;
    int max_ngram = 1;                // ALBERT presets: 3
    bool dynamic_masking = true;
    // Byte-level BPE: every sentence after a document's first is read with the space that
    // precedes it in running text (" The", as GPT-2 sees it), not as a text of its own.
    // The GPT presets set it; a job spec without the key (runs before it existed) is false.
    bool space_sentences = false;
    double short_seq_prob = 0.1;
    bool pair_loss = true;            // BERT/ALBERT: train NSP/SOP too (false: MLM only)
    double disc_weight = 50.0;        // ELECTRA: lambda in L_MLM + lambda * L_disc
    double gen_temperature = 1.0;     // ELECTRA: sampling temperature of the generator
    // ELECTRA, the experiments on the discriminator's collapse (README, ELECTRA):
    double gen_temperature_start = 0; // a temperature curriculum: from this value to gen_temperature (0: off)
    int gen_temperature_steps = 0;    // ... over this many steps (0: the whole run)
    std::string replacements = "generator";  // generator | unigram: i.i.d. draws from the corpus's unigram distribution
    std::string generator_from;       // start the generator from this ELECTRA checkpoint's generator/
    bool freeze_generator = false;    // with generator_from: the generator does not learn (own embeddings)
    std::string discriminator_from;   // start the discriminator's body (embeddings, layers) from this
                                      // checkpoint's encoder: a BERT or ELECTRA of the same shape
    // ERNIE (model.knowledge_layers > 0): the entity table (a TransE folder; empty: the
    // shipped resources/knowledge/transe-wordnet) and the denoising entity auto-encoder's
    // corruption of the aligned entities: this share hidden from the entity stream, this
    // share swapped for a random entity (all of them predicted among the batch's entities).
    std::string knowledge;
    double entity_mask_prob = 0.15;
    double entity_random_prob = 0.05;
    double dea_weight = 1.0;          // L = L_MLM + L_NSP + dea_weight x L_dEA
    // What the model learns first: at every eval, accuracy by token class and the structure
    // of every head on a fixed probe set of held-out sequences (core/api/Dynamics.h).
    bool dynamics = true;
    int dynamics_sequences = 64;
    // Testing aid: make the loss NaN at this step (0: never).
    int debug_nan_step = 0;

    std::string validate() const;
};

// Distillation of a student (JobSpec::model) from a teacher checkpoint.
//   distilbert (Sanh et al. 2019; HF examples/research_projects/distillation): the student
//     has the teacher's width, fewer layers, is initialised from the teacher's embeddings
//     and init_layers; loss = alpha_ce KL(t/T || s/T) T^2 + alpha_mlm MLM + alpha_cos (1 - cos)
//     of the last hidden states.
//   tinybert (Jiao et al. 2020, general distillation): student layer m learns teacher layer
//     layer_map[m-1] (default m N / M): MSE of the unnormalised attention scores (masked
//     entries zeroed) and MSE(W_h H_s, H_t) of the hidden states, the embedding layer
//     likewise, and a soft cross-entropy of the MLM logits at temperature T.
struct DistillConfig {
    std::string method;               // "" (not a distillation), "distilbert" or "tinybert"
    std::string teacher;              // the teacher's checkpoint folder
    std::int64_t teacher_run = 0;     // the teacher's run in the store, when it has one
    std::vector<int> init_layers;     // distilbert: teacher layers (0-based) copied into the student; empty: 0, 2, 4, ...
    std::vector<int> layer_map;       // tinybert: teacher layer (1-based) per student layer; empty: m N / M
    double temperature = 2.0;
    double alpha_ce = 5.0, alpha_mlm = 2.0, alpha_cos = 1.0;
    double alpha_att = 1.0, alpha_hid = 1.0, alpha_emb = 1.0, alpha_pred = 1.0;
    bool separate_projections = false;  // tinybert: one W_h per layer (and the embeddings) instead of one shared

    bool active() const { return !method.empty(); }
    // The teacher layer (1-based) each student layer (1..M) learns from, for N teacher layers.
    std::vector<int> mapping(int studentLayers, int teacherLayers) const;
    std::vector<int> initLayers(int studentLayers, int teacherLayers) const;
};

// Fine-tuning a pre-trained checkpoint on a labelled task (core/api/Tasks.h), as GPT-1 and
// BERT do: the pre-training heads dropped, a task head initialised N(0, 0.02) trained at
// train.lr, the body at body_lr_factor x train.lr (discriminative fine-tuning; with
// layer_decay < 1 each layer below the top another factor lower, as ULMFiT and ELECTRA's
// layer-wise decay). GPT: GPT-1's input transformation with three new learned tokens
// (start, delimiter, extract) and the auxiliary LM objective L = L_task + lm_weight L_LM.
// Early stopping on the dev metric; the best dev checkpoint is kept (best/) and scored on
// the test split once, at the end.
struct FinetuneConfig {
    std::string task;                 // "" (not a fine-tuning job), or a name of taskList()
    std::string checkpoint;           // the pre-trained model's folder
    std::uint64_t task_seed = 1234;   // the task's document split (the same for every run)
    double body_lr_factor = 0.1;      // the body's learning rate over the head's
    double layer_decay = 1.0;         // per layer below the top (1: off)
    bool freeze_embeddings = false;
    int freeze_layers = 0;            // the lowest k layers do not learn
    double lm_weight = 0.5;           // GPT: the auxiliary LM loss's weight (0: off)
    double head_dropout = 0.1;        // before the task head
    int patience = 0;                 // evaluations without a better dev metric before stopping (0: never)
    int max_train_examples = 0;       // 0: every training example; else a fixed subset (by task_seed)
    int max_eval_examples = 0;        // 0: all of dev and test; else a fixed subset of each (by task_seed)
    bool from_scratch = false;        // the same architecture from random initialisation (the control)
    // Reading comprehension (BERT's run_squad, scaled to seq_len 128 from 384 / 128 / 64 / 30):
    int doc_stride = 48;              // passage windows start every doc_stride sub-tokens
    int max_query_len = 32;           // the question's sub-tokens kept
    int max_answer_len = 30;          // the longest answer span, in sub-tokens

    bool active() const { return !task.empty(); }
};

struct JobSpec {
    std::string name;
    std::string preset;
    ModelConfig model;
    TokenizerKind tokenizer = TokenizerKind::WordPiece;
    TrainConfig train;
    std::string corpus;      // text file or folder; empty: the bundled Brown corpus
    // Text that only trains (a file or folder, e.g. scripts/extra_corpus.py's WordNet glosses
    // and KJV): its sequences join the corpus's training ones; the held-out documents and the
    // unigram baseline stay the corpus's, so the run is measured as one on the corpus alone.
    std::string extra_corpus;
    std::string out_dir;     // where checkpoints go; empty: next to the run store
    DistillConfig distill;   // a distillation job when distill.method is set
    FinetuneConfig finetune; // a fine-tuning job when finetune.task is set

    std::string objective() const;  // "mlm+nsp", "mlm+sop", "mlm", "clm", "mlm+rtd" (ELECTRA) or "finetune:TASK"
    std::string validate() const;   // empty when valid, else "field: rule"
    nlohmann::json toJson() const;
    static JobSpec fromJson(const nlohmann::json& j);
    static JobSpec fromPreset(const std::string& preset);
    // A distillation job: the student's configuration derived from the teacher's
    // config.json (distilbert: same width, half the layers; tinybert: half the layers and
    // half the width, the teacher's heads), training settings as for the teacher's family.
    static JobSpec forDistillation(const std::string& teacherDir, const std::string& method, int studentLayers = 0,
                                   int studentHidden = 0);
    // A fine-tuning job: the model's configuration from the checkpoint's config.json,
    // training settings for a small labelled task (lr 1e-3 for the head, 3 epochs' worth
    // of steps is the caller's choice: `steps`).
    static JobSpec forFinetuning(const std::string& checkpointDir, const std::string& task);
    // Sets a training or model field by name ("steps", "lr", "hidden_size", ...).
    void set(const std::string& key, const std::string& value);
    // Applies "key=value" assignments in order (the CLI's repeated --set).
    void setAll(const std::vector<std::string>& assignments);
};

std::string toString(Precision p);

} // namespace ptl
