#include "daemon/alerts/alert_worker.hpp"

#include "daemon/common/time_zone.hpp"
#include "daemon/metrics/metrics.hpp"

#include <chrono>

namespace govmon {
namespace {

constexpr auto poll_every = std::chrono::seconds(1);

} // namespace

alert_worker::alert_worker(const std::string& database, alert_settings settings, metrics& stats,
                           std::shared_ptr<spdlog::logger> log)
    : dispatcher_(database, stats, log), stats_(stats), log_(std::move(log)),
      settings_(std::move(settings)) {
    thread_ = std::thread([this] { loop(); });
}

alert_worker::~alert_worker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void alert_worker::update(alert_settings settings) {
    std::lock_guard lock(mutex_);
    settings_ = std::move(settings);
}

void alert_worker::loop() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const alert_settings settings = settings_;
        lock.unlock();
        try {
            dispatcher_.run_once(settings, now_epoch_seconds(), stop_);
        } catch (const std::exception& e) {
            // The store is busy or unwritable: the same round is tried again on the next tick,
            // from what the store recorded.
            stats_.count_degraded(degraded_mode::alert_round_failed);
            log_->error("alerts: {}", e.what());
        }
        lock.lock();
        wake_.wait_for(lock, poll_every, [this] { return stop_.load(); });
    }
}

} // namespace govmon
