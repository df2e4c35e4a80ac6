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
