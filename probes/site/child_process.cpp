#include "probes/site/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

extern char** environ;

namespace govmon {
namespace {

using clock = std::chrono::steady_clock;

constexpr std::size_t error_tail_bytes = 2048;
constexpr std::chrono::milliseconds reap_poll{10};

struct spawned {
    pid_t pid = -1;
    int output = -1;
    int errors = -1;
    std::string error;
};

std::string system_error_text(int code) {
    return std::strerror(code);
}

// posix_spawn runs nothing in govmon's address space between fork and exec (glibc uses
// CLONE_VFORK): it costs the io_context thread microseconds, not a copy of the daemon.
spawned spawn(const std::vector<std::string>& argv) {
    spawned child;
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) {
        child.error = "pipe: " + system_error_text(errno);
        return child;
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        child.error = "pipe: " + system_error_text(errno);
        ::close(out[0]);
        ::close(out[1]);
        return child;
    }
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&files, out[1], 1);
    posix_spawn_file_actions_adddup2(&files, err[1], 2);
    // Sockets and the database are not the browser's business (Asio opens them without
    // O_CLOEXEC).
    posix_spawn_file_actions_addclosefrom_np(&files, 3);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // A group of its own: a timeout kills the browser's renderer and helper processes too.
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int sig : {SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                              POSIX_SPAWN_SETSIGDEF);

    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const int rc =
        ::posix_spawnp(&child.pid, args.front(), &files, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    ::close(out[1]);
    ::close(err[1]);
    if (rc != 0) {
        child.error = argv.front() + ": " + system_error_text(rc);
        child.pid = -1;
        ::close(out[0]);
        ::close(err[0]);
        return child;
    }
    child.output = out[0];
    child.errors = err[0];
    return child;
}

// Both pipes read until they close, under the budget. Kept alive by the handlers it starts.
class child_streams : public std::enable_shared_from_this<child_streams> {
public:
    child_streams(const asio::any_io_executor& executor, const spawned& child, child_limits limits)
        : output_(executor, child.output), errors_(executor, child.errors), budget_(executor),
          closed_(executor, clock::time_point::max()), pid_(child.pid), limits_(limits) {}

    // Destroyed before the program was reaped only when its io_context is torn down with the
    // run unfinished (the daemon stopping): the browser must not outlive govmon.
    ~child_streams() {
        if (!reaped)
            ::kill(-pid_, SIGKILL);
    }
    child_streams(const child_streams&) = delete;
    child_streams& operator=(const child_streams&) = delete;

    void start() {
        read_output();
        read_errors();
        budget_.expires_after(limits_.budget);
        budget_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
            if (!ec)
                self->stop(child_end::timed_out);
        });
    }

    asio::awaitable<void> wait_closed() {
        while (open_ > 0) {
            boost::system::error_code ec;
            co_await closed_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }

    std::string output;
    std::string error_tail;
    child_end end = child_end::exited;
    bool reaped = false;

private:
    void read_output() {
        output_.async_read_some(
            asio::buffer(output_buffer_),
            [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                self->output.append(self->output_buffer_.data(), n);
                if (!ec && self->output.size() > self->limits_.max_output) {
                    self->output.resize(self->limits_.max_output);
                    self->stop(child_end::too_large);
                    ec = asio::error::operation_aborted;
                }
                if (ec)
                    self->stream_closed();
                else
                    self->read_output();
            });
    }

    void read_errors() {
        errors_.async_read_some(
            asio::buffer(error_buffer_),
            [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                std::string& tail = self->error_tail;
                tail.append(self->error_buffer_.data(), n);
                if (tail.size() > error_tail_bytes)
                    tail.erase(0, tail.size() - error_tail_bytes);
                if (ec)
                    self->stream_closed();
                else
                    self->read_errors();
            });
    }

    // Killing the group closes its ends of the pipes; closing ours as well ends the reads even
    // when some process escaped the group with a copy of them.
    void stop(child_end why) {
        if (end != child_end::exited || open_ == 0)
            return;
        end = why;
        ::kill(-pid_, SIGKILL);
        boost::system::error_code ignored;
        output_.close(ignored);
        errors_.close(ignored);
    }

    void stream_closed() {
        if (--open_ > 0)
            return;
        budget_.cancel();
        closed_.cancel();
    }

    asio::posix::stream_descriptor output_;
    asio::posix::stream_descriptor errors_;
    asio::steady_timer budget_;
    asio::steady_timer closed_;
    pid_t pid_;
    child_limits limits_;
    int open_ = 2;
    std::array<char, 64 * 1024> output_buffer_{};
    std::array<char, 4 * 1024> error_buffer_{};
};

bool has_exited(pid_t pid) {
    siginfo_t info{};
    // WNOWAIT: the process stays a zombie, so its pid (and group id) cannot be reused before
    // the rest of its group is killed.
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0)
        return errno == ECHILD;
    return info.si_pid == pid;
}

int exit_status_of(int status) {
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

// A program that closed its output may take a moment to exit; one that passes its deadline is
// killed. Whatever it left in its group goes with it, and the program itself is reaped.
asio::awaitable<int> reap(pid_t pid, clock::time_point deadline) {
    asio::steady_timer pause{co_await asio::this_coro::executor};
    bool killed = false;
    while (!has_exited(pid)) {
        if (!killed && clock::now() >= deadline) {
            ::kill(-pid, SIGKILL);
            killed = true;
        }
        pause.expires_after(reap_poll);
        boost::system::error_code ec;
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    ::kill(-pid, SIGKILL);
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid)
        co_return -1;
    co_return exit_status_of(status);
}

} // namespace

asio::awaitable<child_outcome> run_child(std::vector<std::string> argv, child_limits limits) {
    child_outcome outcome;
    if (argv.empty()) {
        outcome.detail = "no program to run";
        co_return outcome;
    }
    const auto deadline = clock::now() + limits.budget;
    const spawned child = spawn(argv);
    if (child.pid < 0) {
        outcome.detail = child.error;
        co_return outcome;
    }
    auto streams =
        std::make_shared<child_streams>(co_await asio::this_coro::executor, child, limits);
    streams->start();
    co_await streams->wait_closed();
    outcome.exit_status = co_await reap(child.pid, deadline);
    streams->reaped = true;
    outcome.end = streams->end;
    outcome.output = std::move(streams->output);
    outcome.error_tail = std::move(streams->error_tail);
    co_return outcome;
}

} // namespace govmon
