# Every govmon target links govmon_options: language level, warnings, sanitizers.
add_library(govmon_options INTERFACE)
target_compile_features(govmon_options INTERFACE cxx_std_20)
target_compile_options(govmon_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
    -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
    # Aggregates with default member initialisers are meant to be partly initialised.
    -Wno-missing-field-initializers)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # g++ 12 reports a false -Wmismatched-new-delete in every Boost 1.74 coroutine frame.
    target_compile_options(govmon_options INTERFACE
        -Wno-mismatched-new-delete -Wmisleading-indentation -Wduplicated-cond -Wlogical-op)
endif()
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # Boost 1.74 only detects coroutines for clang through <experimental/coroutine>.
    target_compile_definitions(govmon_options INTERFACE
        BOOST_ASIO_HAS_CO_AWAIT=1 BOOST_ASIO_HAS_STD_COROUTINE=1)
endif()
if(GOVMON_SANITIZE)
    target_compile_options(govmon_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(govmon_options INTERFACE -fsanitize=address,undefined)
endif()
if(GOVMON_FUZZ)
    # Libraries get coverage instrumentation only; fuzz/CMakeLists.txt links libFuzzer's main
    # into the targets themselves.
    target_compile_options(govmon_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(govmon_options INTERFACE -fsanitize=address,undefined)
endif()
# Includes are spelled from the project root: "probes/http/client.hpp", "daemon/store/store.hpp".
target_include_directories(govmon_options INTERFACE ${PROJECT_SOURCE_DIR})
