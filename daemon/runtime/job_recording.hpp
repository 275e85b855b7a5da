#pragma once

#include "daemon/findings/finding_candidate.hpp"
#include "daemon/findings/finding_lifecycle.hpp"
#include "daemon/runtime/daemon_state.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace govmon {

// What every observation a job records starts with: when, what, which probe, which URL.
observation observation_head(const std::string& target, const std::string& target_kind,
                             probe_kind probe, const std::string& url, std::int64_t started);

// Adds to `batch` the finding changes the verdict implies, writes it in one transaction on the
// store's thread (the target's findings are read in the same step, so no other write comes in
// between) and logs each finding event. Returns whether the target now has an open veto
// finding. Throws store_error.
asio::awaitable<bool> write_with_findings(daemon_state& state, const target_identity& target,
                                          const rule_verdict& verdict, write_batch batch,
                                          std::int64_t now);

// A degraded mode: a log line and a counter, and `run --once` exits 1.
void note_store_failure(daemon_state& state, const std::string& target, probe_kind probe,
                        const store_error& error);

// A degraded mode: each failed crawl worker's error is a log line and a counter; the crawl's
// result is recorded all the same.
void note_worker_failures(daemon_state& state, const std::string& site,
                          const std::vector<std::string>& errors);

} // namespace govmon
