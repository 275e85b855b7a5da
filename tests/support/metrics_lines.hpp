#pragma once

// Reading a Prometheus text exposition (metrics::text()) in tests.

#include <string>
#include <string_view>

namespace govmon::test {

// Whether `line` is one whole line of the exposition.
inline bool has_metric_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// The sample line of govmon_degraded_total for `mode` at `count`.
inline std::string degraded_line(std::string_view mode, int count) {
    return "govmon_degraded_total{mode=\"" + std::string(mode) + "\"} " + std::to_string(count);
}

} // namespace govmon::test
