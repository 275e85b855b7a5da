#pragma once

// Runs a program on the io_context without blocking it: its output is read through a pipe as
// it comes, a timer bounds its time, and the program with every process it started is killed
// and reaped when the time or the output size runs out. Never throws for what the program
// does.

#include "probes/http/net.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace govmon {

struct child_limits {
    std::chrono::milliseconds budget{20000}; // from the start to the end of its output
    std::size_t max_output = 8u << 20;       // bytes of stdout kept; more kills the program
};

enum class child_end {
    exited,      // closed its output and ended by itself (exit_status says how)
    timed_out,   // killed when the budget passed
    too_large,   // killed when its output passed max_output
    not_started, // could not be started (detail says why)
};

struct child_outcome {
    child_end end = child_end::not_started;
    int exit_status = -1;   // the exit code, or 128 + the signal that ended it; -1: unknown
    std::string output;     // stdout, at most max_output bytes
    std::string error_tail; // the last 2 KiB of stderr
    std::string detail;
};

// argv[0] is looked up on PATH when it has no '/'. The program runs in a process group of its
// own with stdin from /dev/null and none of govmon's other file descriptors.
asio::awaitable<child_outcome> run_child(std::vector<std::string> argv, child_limits limits);

} // namespace govmon
