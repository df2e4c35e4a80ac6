#pragma once
// Each speed measure of core/kernels can be switched off, to measure it against the plain
// path in one run (`bench`, README "Speed"): PTL_KERNELS=reference switches all off;
// PTL_KERNELS=-attention,-dense switches off the ones named. Default: all on.
//   attention  the fused self-attention kernel (Attention.h)
//   dense      linear layers as one addmm over the flattened rows (bias in the GEMM)
//   sgemm      fp32 GEMMs (linear layers, attention tiles) through oneDNN's AVX-512
//              sgemm where the CPU has AVX-512 (Gemm.h); no effect elsewhere
//   malloc     large allocations reused instead of mapped and page-faulted in every
//              step: glibc keeps blocks up to 32 MB in its heap, and LibTorch's CPU
//              buffers from 4 MB up come from a cache (TensorCache.h)
//   addnorm    a post-LN block's residual add, dropout and LayerNorm as one pass that also
//              writes the compute-dtype copy the next linear layer reads (AddNorm.h)
#include <string>

namespace ptl::kernels {

bool kernelEnabled(const std::string& name);
void setKernelEnabled(const std::string& name, bool on);
// "attention dense malloc" with the ones switched off marked, for the bench's report.
std::string kernelSwitches();

// Applies the process-wide measures (malloc); call once at start-up.
void applyProcessSettings();

} // namespace ptl::kernels
