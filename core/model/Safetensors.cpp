#include "core/model/Safetensors.h"
#include "core/util/Error.h"
#include "core/util/Files.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

namespace ptl {

using nlohmann::json;

namespace {

constexpr std::uint64_t kMaxHeader = 100ull * 1024 * 1024;  // the reference implementation's limit
const char* kHint = "the file is damaged or not a safetensors file; re-export it (e.g. with safetensors.torch.save_file)";

struct DTypeInfo {
    const char* name;
    StDType dtype;
    std::size_t size;
};

const DTypeInfo kDTypes[] = {
    {"BOOL", StDType::Bool, 1}, {"U8", StDType::U8, 1},   {"I8", StDType::I8, 1},     {"I16", StDType::I16, 2},
    {"U16", StDType::U16, 2},   {"F16", StDType::F16, 2}, {"BF16", StDType::BF16, 2}, {"I32", StDType::I32, 4},
    {"U32", StDType::U32, 4},   {"F32", StDType::F32, 4}, {"F64", StDType::F64, 8},   {"I64", StDType::I64, 8},
    {"U64", StDType::U64, 8},
};

std::size_t itemSize(StDType d)
{
    for (const auto& t : kDTypes)
        if (t.dtype == d) return t.size;
    return 0;
}

torch::ScalarType scalarType(StDType d, const std::string& where)
{
    switch (d) {
    case StDType::F32: return torch::kFloat32;
    case StDType::F16: return torch::kFloat16;
    case StDType::BF16: return torch::kBFloat16;
    case StDType::I64: return torch::kInt64;
    case StDType::U8: return torch::kUInt8;
    default: throw Error(where + ": dtype " + toString(d) + " is not supported", "PretrainLab reads F32, F16, BF16 and I64 tensors");
    }
}

StDType stDType(torch::ScalarType t, const std::string& name)
{
    switch (t) {
    case torch::kFloat32: return StDType::F32;
    case torch::kFloat16: return StDType::F16;
    case torch::kBFloat16: return StDType::BF16;
    case torch::kInt64: return StDType::I64;
    case torch::kUInt8: return StDType::U8;
    default: throw Error("cannot write tensor '" + name + "': unsupported dtype", "convert it to float32, float16, bfloat16 or int64");
    }
}

} // namespace

std::string toString(StDType d)
{
    for (const auto& t : kDTypes)
        if (t.dtype == d) return t.name;
    return "?";
}

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path)
{
    return parse(readBinaryFile(path), path.string());
}

SafetensorsFile SafetensorsFile::parse(std::vector<std::uint8_t> bytes, const std::string& label)
{
    SafetensorsFile f;
    f.label_ = label;
    const std::uint64_t size = bytes.size();
    if (size < 8)
        throw Error(label + ": truncated: " + std::to_string(size) + " bytes, but a safetensors file starts with an 8-byte header length", kHint);
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i)
        n = (n << 8) | bytes[static_cast<std::size_t>(i)];
    if (n > size - 8)
        throw Error(label + ": header length " + std::to_string(n) + " runs past the end of the file (" + std::to_string(size) + " bytes)", kHint);
    if (n > kMaxHeader)
        throw Error(label + ": header length " + std::to_string(n) + " exceeds the 100 MiB limit", kHint);
    const std::string_view headerText(reinterpret_cast<const char*>(bytes.data() + 8), n);
    json header = json::parse(headerText, nullptr, /*allow_exceptions=*/false);
    if (header.is_discarded() || !header.is_object())
        throw Error(label + ": the header is not a JSON object", kHint);

    f.dataStart_ = 8 + static_cast<std::size_t>(n);
    const std::uint64_t dataSize = size - 8 - n;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const json& e = it.value();
        if (name == "__metadata__") {
            if (!e.is_object())
                throw Error(label + ": __metadata__ must be an object of strings", kHint);
            for (auto m = e.begin(); m != e.end(); ++m) {
                if (!m.value().is_string())
                    throw Error(label + ": __metadata__ value '" + m.key() + "' is not a string", kHint);
                f.metadata_[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = label + ": tensor '" + name + "'";
        if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets"))
            throw Error(where + ": entry needs dtype, shape and data_offsets", kHint);
        StTensorInfo info;
        info.name = name;
        const json& dt = e["dtype"];
        bool known = false;
        if (dt.is_string()) {
            for (const auto& t : kDTypes)
                if (dt.get<std::string>() == t.name) { info.dtype = t.dtype; known = true; }
        }
        if (!known)
            throw Error(where + ": unknown dtype " + dt.dump(), kHint);
        const json& shape = e["shape"];
        if (!shape.is_array())
            throw Error(where + ": shape is not an array", kHint);
        std::uint64_t numel = 1;
        bool overflow = false;
        for (const json& d : shape) {
            if (!d.is_number_unsigned() && !(d.is_number_integer() && d.get<std::int64_t>() >= 0))
                throw Error(where + ": shape " + shape.dump() + " holds a value that is not a non-negative integer", kHint);
            const std::uint64_t v = d.get<std::uint64_t>();
            if (v > (1ull << 48) || (v != 0 && numel > (1ull << 60) / v))
                overflow = true;
            else
                numel *= v;
            info.shape.push_back(static_cast<std::int64_t>(v));
        }
        if (overflow)
            throw Error(where + ": shape " + shape.dump() + " is impossibly large", kHint);
        const json& off = e["data_offsets"];
        if (!off.is_array() || off.size() != 2 || !off[0].is_number_unsigned() || !off[1].is_number_unsigned())
            throw Error(where + ": data_offsets must be two non-negative integers", kHint);
        info.begin = off[0].get<std::uint64_t>();
        info.end = off[1].get<std::uint64_t>();
        if (info.begin > info.end)
            throw Error(where + ": data_offsets [" + std::to_string(info.begin) + ", " + std::to_string(info.end) + "] run backwards", kHint);
        if (info.end > dataSize)
            throw Error(where + ": data_offsets end " + std::to_string(info.end) + " is past the data buffer (" +
                            std::to_string(dataSize) + " bytes): the file is truncated or lies", kHint);
        const std::uint64_t expected = numel * itemSize(info.dtype);
        if (info.end - info.begin != expected)
            throw Error(where + ": shape " + shape.dump() + " of " + toString(info.dtype) + " needs " + std::to_string(expected) +
                            " bytes but data_offsets span " + std::to_string(info.end - info.begin), kHint);
        f.index_[name] = f.infos_.size();
        f.infos_.push_back(std::move(info));
    }

    // The tensors must tile the buffer exactly, as the reference implementation requires.
    std::vector<const StTensorInfo*> byOffset;
    for (const auto& i : f.infos_) byOffset.push_back(&i);
    std::sort(byOffset.begin(), byOffset.end(), [](auto* a, auto* b) { return a->begin != b->begin ? a->begin < b->begin : a->end < b->end; });
    std::uint64_t cursor = 0;
    const StTensorInfo* prev = nullptr;
    for (const StTensorInfo* i : byOffset) {
        if (i->begin < cursor)
            throw Error(label + ": tensors '" + prev->name + "' and '" + i->name + "' overlap in the data buffer", kHint);
        if (i->begin > cursor)
            throw Error(label + ": bytes " + std::to_string(cursor) + ".." + std::to_string(i->begin) + " of the data buffer belong to no tensor", kHint);
        cursor = i->end;
        prev = i;
    }
    if (cursor != dataSize)
        throw Error(label + ": " + std::to_string(dataSize - cursor) + " bytes after the last tensor belong to no tensor", kHint);
    f.bytes_ = std::move(bytes);
    return f;
}

const StTensorInfo& SafetensorsFile::info(const std::string& name) const
{
    auto it = index_.find(name);
    if (it == index_.end())
        throw Error(label_ + ": no tensor named '" + name + "'", "the file may be for another model family");
    return infos_[it->second];
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const
{
    const StTensorInfo& i = info(name);
    const auto type = scalarType(i.dtype, label_ + ": tensor '" + name + "'");
    torch::Tensor t = torch::empty(i.shape, torch::TensorOptions().dtype(type));
    if (i.end > i.begin)
        std::memcpy(t.data_ptr(), bytes_.data() + dataStart_ + i.begin, i.end - i.begin);
    return t;
}

std::string serializeSafetensors(const NamedTensors& tensors, const std::map<std::string, std::string>& metadata)
{
    json header = json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    std::uint64_t offset = 0;
    std::vector<torch::Tensor> contiguous;
    contiguous.reserve(tensors.size());
    for (const auto& [name, t0] : tensors) {
        if (header.contains(name))
            throw Error("cannot write safetensors: tensor name '" + name + "' appears twice");
        torch::Tensor t = t0.detach().to(torch::kCPU).contiguous();
        const StDType d = stDType(t.scalar_type(), name);
        const std::uint64_t nbytes = static_cast<std::uint64_t>(t.numel()) * itemSize(d);
        header[name] = {{"dtype", toString(d)}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + nbytes}}};
        offset += nbytes;
        contiguous.push_back(t);
    }
    std::string h = header.dump();
    while (h.size() % 8 != 0) h.push_back(' ');
    std::string out;
    out.reserve(8 + h.size() + offset);
    std::uint64_t n = h.size();
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
    out += h;
    for (const torch::Tensor& t : contiguous)
        out.append(static_cast<const char*>(t.data_ptr()), static_cast<std::size_t>(t.numel() * t.element_size()));
    return out;
}

void writeSafetensors(const std::filesystem::path& path, const NamedTensors& tensors, const std::map<std::string, std::string>& metadata)
{
    writeFileAtomic(path, serializeSafetensors(tensors, metadata));
}

} // namespace ptl
