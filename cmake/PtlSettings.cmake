# One INTERFACE target carries the compile settings every PretrainLab target shares.
add_library(ptl_common_cfg INTERFACE)
target_compile_features(ptl_common_cfg INTERFACE cxx_std_20)
target_compile_definitions(ptl_common_cfg INTERFACE
  QT_NO_KEYWORDS              # Qt's slots/signals/emit macros collide with LibTorch headers
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  PTL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  PTL_VERSION="${PROJECT_VERSION}"
)
target_compile_options(ptl_common_cfg INTERFACE
  -Wall -Wextra -Wno-unused-parameter
  $<$<CONFIG:Release>:-O2>
)

# Sanitizer builds (make test-asan, make test-tsan): every PretrainLab target compiled and
# linked with -fsanitize=PTL_SANITIZE; LibTorch, Qt and OpenMP stay as Debian built them
# (uninstrumented), so reports inside them are suppressed in tests/sanitizers/.
set(PTL_SANITIZE "" CACHE STRING "sanitizers to build with: address,undefined or thread (empty: none)")
if(PTL_SANITIZE)
  target_compile_options(ptl_common_cfg INTERFACE -fsanitize=${PTL_SANITIZE} -fno-omit-frame-pointer -g1 -O1)
  target_link_options(ptl_common_cfg INTERFACE -fsanitize=${PTL_SANITIZE})
  target_compile_definitions(ptl_common_cfg INTERFACE PTL_SANITIZED)
  if(PTL_SANITIZE MATCHES "undefined")
    # A UB report fails the test that caused it instead of printing and going on.
    target_compile_options(ptl_common_cfg INTERFACE -fno-sanitize-recover=undefined)
  endif()
endif()
