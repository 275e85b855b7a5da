#include "../http/run_coro.hpp"
#include "probes/site/child_process.hpp"

#include <doctest/doctest.h>
#include <sys/types.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

using namespace govmon;
using namespace govmon::test;
using namespace std::chrono_literals;

namespace {

child_outcome run(std::vector<std::string> argv, child_limits limits = {}) {
    asio::io_context ioc;
    return run_coro(ioc, run_child(std::move(argv), limits));
}

// Running, not merely a zombie waiting for its parent to be reaped.
bool running(const std::string& pid) {
    std::ifstream stat("/proc/" + pid + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return false;
    const auto state = line.find(") ");
    return state != std::string::npos && line[state + 2] != 'Z';
}

bool stops_running(const std::string& pid) {
    for (int i = 0; i < 200 && running(pid); ++i)
        std::this_thread::sleep_for(10ms);
    return !running(pid);
}

} // namespace

TEST_CASE("a program's output, exit status and complaints are read") {
    const child_outcome out = run(
        {"/bin/sh", "-c", "printf '<html>页面</html>'; echo 'first\nlast complaint' >&2; exit 3"});
    CHECK(out.end == child_end::exited);
    CHECK(out.exit_status == 3);
    CHECK(out.output == "<html>页面</html>");
    CHECK(out.error_tail == "first\nlast complaint\n");
}

TEST_CASE("a program is found on PATH and reads nothing from govmon's stdin") {
    const child_outcome out = run({"sh", "-c", "cat; echo done"});
    CHECK(out.end == child_end::exited);
    CHECK(out.exit_status == 0);
    CHECK(out.output == "done\n");
}

TEST_CASE("a program that cannot start is not_started, with the reason") {
    const child_outcome out = run({"/nonexistent/chromium"});
    CHECK(out.end == child_end::not_started);
    CHECK(out.detail.find("No such file") != std::string::npos);
}

TEST_CASE("past its budget the program and what it started are killed and reaped") {
    const child_outcome out = run({"/bin/sh", "-c", "sleep 30 & echo $!; sleep 30"}, {300ms, 1024});
    CHECK(out.end == child_end::timed_out);
    CHECK(out.exit_status == 128 + 9);
    const std::string helper = out.output.substr(0, out.output.find('\n'));
    REQUIRE_FALSE(helper.empty());
    CHECK(stops_running(helper));
}

TEST_CASE("output past the limit kills the program; what was kept is the limit") {
    const child_outcome out = run({"/bin/sh", "-c", "yes 0123456789; sleep 30"}, {10s, 4096});
    CHECK(out.end == child_end::too_large);
    CHECK(out.output.size() == 4096);
}

TEST_CASE("a program that closes its output and lingers is killed at its budget") {
    const child_outcome out =
        run({"/bin/sh", "-c", "exec >/dev/null 2>&1; sleep 30"}, {300ms, 1024});
    CHECK(out.exit_status == 128 + 9);
    CHECK(out.output.empty());
}

TEST_CASE("a program still running when its io_context goes away is killed with its group") {
    char pattern[] = "/tmp/govmon-child-test-XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    const std::string pid_file = std::string(pattern) + "/helper.pid";
    {
        asio::io_context ioc;
        asio::co_spawn(
            ioc,
            run_child({"/bin/sh", "-c", "sleep 30 & echo $! > " + pid_file + "; sleep 30"},
                      {30s, 1024}),
            asio::detached);
        for (int i = 0; i < 300 && !std::ifstream(pid_file).good(); ++i)
            ioc.run_for(10ms);
        ioc.run_for(50ms); // the shell has written the whole pid
    }
    std::string helper;
    std::ifstream(pid_file) >> helper;
    REQUIRE_FALSE(helper.empty());
    CHECK(stops_running(helper));
    std::remove(pid_file.c_str());
    ::rmdir(pattern);
}
