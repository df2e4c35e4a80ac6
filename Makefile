# The README's commands. Each one first installs the missing Debian packages.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
CLI = $(BUILD_DIR)/bin/pretrainlab-cli

.PHONY: all deps configure build run test bench vocab clean fuzz

all: build

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	$(BUILD_DIR)/bin/pretrainlab

test: build
	@cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j$(JOBS) --timeout 1200

# PretrainLab vs a plain PyTorch-eager BERT-mini step, in one run, read against the GEMM peak.
bench: build
	/usr/bin/python3 tests/bench/compare.py $(CLI)
	QT_QPA_PLATFORM=offscreen $(BUILD_DIR)/bin/bench_gui 20

# libFuzzer targets for every reader of outside input (tests/fuzz), built with clang against
# this build's core; each runs FUZZ_SECONDS from its seeds (FUZZ_TARGETS: a subset).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: build
	@cmake -S tests/fuzz -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	    -DPTL_CORE_LIB=$(abspath $(BUILD_DIR))/lib/libptl_core.a
	@cmake --build build-fuzz -j$(JOBS)
	tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Re-trains the bundled vocabularies (committed in resources/vocab) from the bundled corpus.
vocab: build
	$(CLI) vocab --kind wordpiece --size 8192 --out resources/vocab/wordpiece-8192
	$(CLI) vocab --kind bpe --size 8192 --out resources/vocab/bpe-8192

clean:
	rm -rf $(BUILD_DIR)
