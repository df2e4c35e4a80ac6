# Third-party dependencies, all from Debian 12 packages (scripts/install-deps.sh).
find_package(Torch REQUIRED)                 # libtorch-dev (LibTorch 1.13, CPU)
find_package(nlohmann_json 3.10 REQUIRED)    # nlohmann-json3-dev
find_package(CLI11 REQUIRED)                 # libcli11-dev
find_package(SQLite3 REQUIRED)               # libsqlite3-dev
find_package(ZLIB REQUIRED)                  # zlib1g-dev (miscfiles' gzip data for few-shot tasks)

# utf8proc (libutf8proc-dev) ships no CMake config.
find_path(UTF8PROC_INCLUDE_DIR utf8proc.h REQUIRED)
find_library(UTF8PROC_LIBRARY utf8proc REQUIRED)
add_library(ptl_utf8proc INTERFACE)
target_include_directories(ptl_utf8proc INTERFACE ${UTF8PROC_INCLUDE_DIR})
target_link_libraries(ptl_utf8proc INTERFACE ${UTF8PROC_LIBRARY})

if(PTL_BUILD_GUI OR PTL_BUILD_TESTS)
  find_package(Qt6 REQUIRED COMPONENTS Core Gui Widgets PrintSupport Svg Test LinguistTools)
  qt_standard_project_setup()
endif()

if(PTL_BUILD_GUI)
  # libqcustomplot-dev: the Qt 6 build is libQCustomPlotQt6.so and has no CMake config.
  find_path(QCUSTOMPLOT_INCLUDE_DIR qcustomplot.h REQUIRED)
  find_library(QCUSTOMPLOT_LIBRARY QCustomPlotQt6 REQUIRED)
  add_library(ptl_qcustomplot INTERFACE)
  target_include_directories(ptl_qcustomplot INTERFACE ${QCUSTOMPLOT_INCLUDE_DIR})
  target_link_libraries(ptl_qcustomplot INTERFACE ${QCUSTOMPLOT_LIBRARY} Qt6::Widgets Qt6::PrintSupport)
  target_compile_definitions(ptl_qcustomplot INTERFACE QCUSTOMPLOT_USE_LIBRARY)
endif()
