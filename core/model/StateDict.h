#pragma once
// The Hugging Face tensor names and layouts of each family, so model.safetensors moves
// between PretrainLab and transformers without conversion:
//   bert:   BertForPreTraining   (bert.*, cls.predictions.*, cls.seq_relationship.*)
//   gpt2:   GPT2LMHeadModel      (transformer.*; Conv1D weights stored transposed, (in, out))
//   albert: AlbertForPreTraining (albert.*, predictions.*, sop_classifier.*)
//   electra: ElectraForPreTraining (electra.*, discriminator_predictions.*) or, for the
//            generator, ElectraForMaskedLM (electra.*, generator_predictions.*, generator_lm_head.bias)
//   distilbert: DistilBertForMaskedLM (distilbert.*, vocab_transform, vocab_layer_norm, vocab_projector.bias)
// Internally attention keeps one fused qkv projection; BERT/ALBERT's query/key/value are
// its row slices. Shared layers (ALBERT's partial sharing) are written once per layer,
// as HF's unshared layout, and read back from the first layer.
#include "core/model/Safetensors.h"
#include "core/model/Transformer.h"

namespace ptl {

NamedTensors exportStateDict(TransformerModel& model);

// Copies every tensor the model needs from the file. Accepts HF's variants: names with or
// without the family prefix, LayerNorm gamma/beta. Throws ptl::Error naming a missing
// tensor or a shape mismatch.
void importStateDict(TransformerModel& model, const SafetensorsFile& file);

// The names exportStateDict would write, for tests and diagnostics.
std::vector<std::string> stateDictNames(TransformerModel& model);

} // namespace ptl
