#pragma once

// The headless browser the render tests drive (Debian's chromium, installed by
// scripts/install-deps): a missing browser fails these tests, it does not skip them.

#include "probes/site/browser_command.hpp"

#include <dirent.h>
#include <doctest/doctest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace govmon::test {

inline std::string installed_browser() {
    const char* path = std::getenv("PATH");
    std::string browser = find_browser("", path ? path : "");
    REQUIRE_MESSAGE(!browser.empty(),
                    "no chromium on PATH: scripts/install-deps installs it for these tests");
    return browser;
}

// Points TMPDIR at a folder of the calling test's own: the renderer makes its browser
// profiles there, and every process of those browsers names its profile on its command line.
inline std::string private_tmpdir() {
    char pattern[] = "/tmp/govmon-render-test-XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    ::setenv("TMPDIR", pattern, 1);
    return pattern;
}

// Live (not zombie) processes whose command line mentions `text`.
inline int processes_mentioning(const std::string& text) {
    int found = 0;
    DIR* proc = ::opendir("/proc");
    if (!proc)
        return 0;
    while (const dirent* entry = ::readdir(proc)) {
        const std::string pid = entry->d_name;
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream cmdline("/proc/" + pid + "/cmdline", std::ios::binary);
        const std::string args{std::istreambuf_iterator<char>(cmdline), {}};
        if (args.find(text) == std::string::npos)
            continue;
        std::ifstream stat("/proc/" + pid + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto state = line.rfind(") ");
        found += state != std::string::npos && line[state + 2] != 'Z';
    }
    ::closedir(proc);
    return found;
}

// SIGKILL takes effect asynchronously: wait a little for the processes to go.
inline bool no_process_mentions(const std::string& text) {
    for (int i = 0; i < 300 && processes_mentioning(text) > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    return processes_mentioning(text) == 0;
}

} // namespace govmon::test
