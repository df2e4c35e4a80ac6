#pragma once
// safetensors reader and writer (https://huggingface.co/docs/safetensors): an 8-byte
// little-endian header length, a JSON header, then one byte buffer. Every length,
// offset, dtype and shape is checked before any byte is read, so a truncated,
// overlapping or lying file yields a ptl::Error naming the file, never a crash.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <torch/torch.h>
#include <utility>
#include <vector>

namespace ptl {

enum class StDType { Bool, U8, I8, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64 };

struct StTensorInfo {
    std::string name;
    StDType dtype = StDType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;  // offsets into the data buffer
    std::uint64_t end = 0;
};

class SafetensorsFile {
public:
    // Reads and validates a file. Throws ptl::Error (file name + what is wrong + hint).
    static SafetensorsFile open(const std::filesystem::path& path);
    // Validates bytes already in memory; label names them in messages.
    static SafetensorsFile parse(std::vector<std::uint8_t> bytes, const std::string& label);

    const std::vector<StTensorInfo>& tensors() const { return infos_; }
    const std::map<std::string, std::string>& metadata() const { return metadata_; }
    bool contains(const std::string& name) const { return index_.count(name) != 0; }
    const StTensorInfo& info(const std::string& name) const;

    // A copy of the tensor in its stored dtype (F32, F16, BF16, I64 supported).
    torch::Tensor tensor(const std::string& name) const;
    const std::string& label() const { return label_; }

private:
    std::vector<std::uint8_t> bytes_;
    std::size_t dataStart_ = 0;
    std::string label_;
    std::vector<StTensorInfo> infos_;
    std::map<std::string, std::size_t> index_;
    std::map<std::string, std::string> metadata_;
};

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// Serializes tensors (F32, F16, BF16, I64) into safetensors bytes.
std::string serializeSafetensors(const NamedTensors& tensors, const std::map<std::string, std::string>& metadata = {});
// Writes atomically (temporary file + rename).
void writeSafetensors(const std::filesystem::path& path, const NamedTensors& tensors,
                      const std::map<std::string, std::string>& metadata = {});

std::string toString(StDType d);

} // namespace ptl
