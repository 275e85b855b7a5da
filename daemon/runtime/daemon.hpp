#pragma once

#include <string>

namespace govmon {

inline constexpr int exit_ok = 0;
inline constexpr int exit_cycle_failed = 1;
inline constexpr int exit_bad_config = 78; // EX_CONFIG

struct run_mode {
    bool once = false; // one full cycle, then its mails (within alerts.once_wait), then exit
    bool mail = true;  // false (--no-mail): this process neither plans nor sends mail
};

// `govmon run`: loads the config, opens the store, serves /metrics and probes every active
// target on its schedule until SIGTERM/SIGINT (SIGHUP reloads the config). With `once`, runs
// every probe exactly once and returns. Returns the process exit code.
int run_daemon(const std::string& config_path, run_mode mode);

} // namespace govmon
