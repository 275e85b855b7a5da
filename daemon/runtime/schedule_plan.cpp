#include "schedule_plan.hpp"

#include <algorithm>
#include <cmath>

namespace govmon {
namespace {

double seconds_of(std::chrono::milliseconds d) {
    return static_cast<double>(d.count()) / 1000.0;
}

double clamp01(double x) {
    return std::clamp(x, 0.0, 1.0);
}

} // namespace

std::int64_t first_due(std::int64_t now, std::chrono::milliseconds interval, double jitter,
                       double spread) {
    const double window = seconds_of(interval) * clamp01(jitter);
    return now + static_cast<std::int64_t>(std::floor(window * clamp01(spread)));
}

std::int64_t next_due(std::int64_t started, std::chrono::milliseconds interval, double jitter,
                      double spread) {
    const double base = seconds_of(interval);
    const double offset = base * clamp01(jitter) * (clamp01(spread) - 0.5);
    const double delay = std::max(1.0, base + offset);
    return started + static_cast<std::int64_t>(std::llround(delay));
}

} // namespace govmon
