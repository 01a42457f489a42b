# Included by tests/CMakeLists.txt (native tree): builds tests/fuzz with clang and runs each fuzzer for a
# few seconds as a test. tests/fuzz/run-fuzzer runs one longer by hand.
find_program(FUZZ_CLANGXX NAMES clang++-14 clang++ REQUIRED)
set(FUZZ_BINARY_DIR "${CMAKE_BINARY_DIR}/fuzz")
include(ExternalProject)
ExternalProject_Add(madoguchi_fuzz
  SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}"
  BINARY_DIR "${FUZZ_BINARY_DIR}"
  CONFIGURE_COMMAND ${CMAKE_COMMAND} -S <SOURCE_DIR> -B <BINARY_DIR> -DCMAKE_CXX_COMPILER=${FUZZ_CLANGXX}
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMADOGUCHI_SOURCE_DIR=${CMAKE_SOURCE_DIR}
  BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --parallel 2
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON)

foreach(name envelope envelope_content endpoint_request)
  add_test(NAME fuzz:${name}
    COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/run-fuzzer" "${FUZZ_BINARY_DIR}/${name}_fuzz" 5)
  set_tests_properties(fuzz:${name} PROPERTIES TIMEOUT 120)
endforeach()
