#pragma once

// A logger whose lines a test can read back, for code that takes its logger injected.

#include <spdlog/logger.h>
#include <spdlog/sinks/ringbuffer_sink.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace govmon::test {

class captured_log {
public:
    captured_log()
        : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(kept_lines)),
          logger_(std::make_shared<spdlog::logger>("test", sink_)) {
        logger_->set_pattern("%l %v"); // "error job target=..."
        logger_->set_level(spdlog::level::trace);
    }

    std::shared_ptr<spdlog::logger> logger() const { return logger_; }

    // Every line so far, oldest first; safe while another thread logs.
    std::vector<std::string> lines() const { return sink_->last_formatted(); }

    // Whether a line of the given level ("warning", "error", ...) contains `text`.
    bool has(std::string_view level, std::string_view text) const {
        const std::string prefix = std::string(level) + " ";
        const auto all = lines();
        return std::any_of(all.begin(), all.end(), [&](const std::string& line) {
            return line.starts_with(prefix) && line.find(text) != std::string::npos;
        });
    }

private:
    static constexpr std::size_t kept_lines = 1000;
    std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
    std::shared_ptr<spdlog::logger> logger_;
};

} // namespace govmon::test
