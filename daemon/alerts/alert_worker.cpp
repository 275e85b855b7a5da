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

bool alert_worker::finish(std::chrono::milliseconds within) {
    std::unique_lock lock(mutex_);
    finishing_ = true;
    wake_.notify_all();
    return settled_.wait_for(lock, within, [this] { return finished_; });
}

alert_worker::round_result alert_worker::round(const alert_settings& settings) {
    try {
        return dispatcher_.run_once(settings, now_epoch_seconds(), stop_) ? round_result::more
                                                                          : round_result::settled;
    } catch (const std::exception& e) {
        // The store is busy or unwritable: the same round is tried again on the next tick,
        // from what the store recorded.
        stats_.count_degraded(degraded_mode::alert_round_failed);
        log_->error("alerts: {}", e.what());
        return round_result::failed;
    }
}

void alert_worker::loop() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const alert_settings settings = settings_;
        // Only a round begun after finish() was asked for may settle it: one begun before may
        // have read the store before the cycle's last findings were written.
        const bool finishing = finishing_;
        lock.unlock();
        const round_result result = round(settings);
        lock.lock();
        if (finishing && result == round_result::settled) {
            finished_ = true;
            settled_.notify_all();
        }
        if (result == round_result::more)
            continue;
        wake_.wait_for(lock, poll_every,
                       [this, finishing] { return stop_.load() || finishing_ != finishing; });
    }
}

} // namespace govmon
