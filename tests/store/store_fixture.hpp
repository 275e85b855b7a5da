#pragma once

#include "daemon/store/store.hpp"

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace govmon::test {

// A fresh directory for real database files (WAL needs a real file system, not :memory:).
class temp_dir {
public:
    temp_dir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "govmon-store-XXXXXX");
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~temp_dir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// Positional, because g++ 12 warns (-Wmissing-field-initializers) on a designated
// initializer that leaves members out.
inline write_batch batch(std::vector<observation> observations, std::vector<finding> findings = {},
                         std::vector<finding_event> events = {},
                         std::vector<schedule_row> schedule = {}) {
    write_batch b;
    b.observations = std::move(observations);
    b.findings = std::move(findings);
    b.events = std::move(events);
    b.schedule = std::move(schedule);
    return b;
}

inline observation make_observation(std::int64_t time, std::string target = "hb-portal",
                                    std::string probe = "availability") {
    observation o;
    o.time = time;
    o.target = std::move(target);
    o.target_kind = "site";
    o.probe = std::move(probe);
    o.url = "https://www.hubei.gov.cn/";
    o.ok = true;
    o.http_status = 200;
    o.latency_ms = 87;
    o.detail = R"({"bytes":5120})";
    return o;
}

inline finding make_finding(std::string id, std::string target, std::string kind, std::string url) {
    finding f;
    f.id = std::move(id);
    f.target = std::move(target);
    f.target_kind = "site";
    f.unit = "hb-gov-office";
    f.kind = *parse_finding_kind(kind);
    f.indicator = "site.links";
    f.severity = finding_severity::deduct;
    f.url = std::move(url);
    f.source = "https://www.hubei.gov.cn/";
    f.detail = "HTTP 404";
    f.first_seen = 1000;
    f.last_seen = 1000;
    return f;
}

} // namespace govmon::test
