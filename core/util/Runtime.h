#pragma once
// Process-wide runtime settings: LibTorch thread count and where bundled resources live.
// Torch-free header so the GUI can call it.
#include <filesystem>

namespace ptl {

// Sets LibTorch's intra-op threads; threads <= 0 means every core. Returns the count set.
int initRuntime(int threads = 0);

// The folder holding the bundled resources (corpus, vocabularies, presets).
// Order: $PRETRAINLAB_RESOURCES, <exe>/../../resources, the source tree it was built from.
std::filesystem::path resourceDir();

// Where derived data is cached: $XDG_CACHE_HOME/pretrainlab (default ~/.cache/pretrainlab).
std::filesystem::path userCacheDir();

} // namespace ptl
