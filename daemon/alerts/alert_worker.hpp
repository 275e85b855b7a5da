#pragma once

#include "daemon/alerts/alert_dispatcher.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace govmon {

class metrics;

// Runs the alert dispatcher on a thread of its own, so that a slow or hanging SMTP server
// never delays a probe. Polls the store every second: a veto is mailed seconds after the
// probe that found it.
class alert_worker {
public:
    // Throws store_error when the database cannot be opened.
    alert_worker(const std::string& database, alert_settings settings, metrics& stats,
                 std::shared_ptr<spdlog::logger> log);
    ~alert_worker(); // stops and joins; a transfer in progress is aborted
    alert_worker(const alert_worker&) = delete;
    alert_worker& operator=(const alert_worker&) = delete;

    void update(alert_settings settings); // on SIGHUP
    // For `run --once`: rounds follow one another without pause until one leaves nothing to
    // plan or deliver now (failed mails wait for their retry time, in the outbox). Returns
    // false when that takes longer than `within`; the destructor then aborts the transfer.
    bool finish(std::chrono::milliseconds within);

private:
    enum class round_result { more, settled, failed };
    round_result round(const alert_settings& settings);
    void loop();

    alert_dispatcher dispatcher_;
    metrics& stats_;
    std::shared_ptr<spdlog::logger> log_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable settled_;
    alert_settings settings_;
    bool finishing_ = false;
    bool finished_ = false;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace govmon
