#pragma once

#include "daemon/alerts/alert_dispatcher.hpp"

#include <atomic>
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

private:
    void loop();

    alert_dispatcher dispatcher_;
    metrics& stats_;
    std::shared_ptr<spdlog::logger> log_;
    std::mutex mutex_;
    std::condition_variable wake_;
    alert_settings settings_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

} // namespace govmon
