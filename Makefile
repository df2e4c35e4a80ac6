# The README's commands. Each one first installs the missing Debian packages.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
CLI = $(BUILD_DIR)/bin/pretrainlab-cli

.PHONY: all deps configure build run test bench vocab clean fuzz test-asan test-tsan

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

# The suite under sanitizers, in builds of their own (build-asan, build-tsan; -O1 -g1 with
# -fsanitize): the tests run through ctest as `make test` runs them, and a report anywhere
# (a test, or a CLI or rank it starts) fails the target (tests/sanitizers/run.sh).
# Suppressions (tests/sanitizers/*.supp) only for reports inside LibTorch, Qt, OpenMP or
# system libraries, each with its reason. ASAN_TESTS / TSAN_TESTS: test names (ctest's) to
# build and run only those; empty: every test. CI runs a subset (.ci/run).
ASAN_TESTS ?=
TSAN_TESTS ?= ui train electra_ui distill_ui finetune_ui generate_ui knowledge_ui inspect_ui
san_targets = $(if $(1),pretrainlab-cli $(foreach t,$(1),test_$(t)),all)
san_regex = $(if $(1),^($(subst $(eval) ,|,$(strip $(1))))$$,.)
test-asan: deps
	@cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DPTL_SANITIZE=address,undefined $(CMAKE_FLAGS)
	@cmake --build build-asan -j$(JOBS) --target $(call san_targets,$(ASAN_TESTS))
	tests/sanitizers/run.sh asan build-asan '$(call san_regex,$(ASAN_TESTS))' $(JOBS)
test-tsan: deps
	@cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Release -DPTL_SANITIZE=thread $(CMAKE_FLAGS)
	@cmake --build build-tsan -j$(JOBS) --target $(call san_targets,$(TSAN_TESTS))
	tests/sanitizers/run.sh tsan build-tsan '$(call san_regex,$(TSAN_TESTS))' $(JOBS)

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
