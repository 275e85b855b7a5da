#include "daemon/status/status_page.hpp"

#include "daemon/common/html_text.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/metrics/metrics.hpp"
#include "daemon/status/status_html.hpp"
#include "daemon/status/status_model.hpp"
#include "daemon/store/status_queries.hpp"
#include "daemon/store/store.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace govmon {
namespace {

std::optional<status_scope> scope_of(std::string_view path) {
    if (path == "/")
        return status_scope{};
    for (const auto& [prefix, level] :
         {std::pair{std::string_view{"/unit/"}, status_scope::level::unit},
          std::pair{std::string_view{"/target/"}, status_scope::level::target}}) {
        if (path.starts_with(prefix) && path.size() > prefix.size())
            return status_scope{level, std::string(path.substr(prefix.size()))};
    }
    return std::nullopt;
}

served_page unavailable(const std::string& error) {
    return {503, "text/html; charset=utf-8",
            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>govmon · "
            "503</title></head>\n<body>\n<h1>503</h1>\n<p>数据库暂不可读：" +
                escape_html(error) + "</p>\n</body>\n</html>\n"};
}

} // namespace

status_page::status_page(std::string database, std::map<std::string, std::string> unit_names,
                         std::shared_ptr<const rectification_plan> rectification, metrics& stats,
                         std::shared_ptr<spdlog::logger> log)
    : database_(std::move(database)), stats_(stats), log_(std::move(log)),
      unit_names_(
          std::make_shared<const std::map<std::string, std::string>>(std::move(unit_names))),
      rectification_(std::move(rectification)) {}

void status_page::set_unit_names(std::map<std::string, std::string> unit_names) {
    auto names = std::make_shared<const std::map<std::string, std::string>>(std::move(unit_names));
    std::lock_guard lock(mutex_);
    unit_names_ = std::move(names);
}

void status_page::set_rectification(std::shared_ptr<const rectification_plan> rectification) {
    std::lock_guard lock(mutex_);
    rectification_ = std::move(rectification);
}

std::optional<served_page> status_page::answer(std::string_view path) const {
    const std::optional<status_scope> scope = scope_of(path);
    if (!scope)
        return std::nullopt;
    std::shared_ptr<const std::map<std::string, std::string>> names;
    std::shared_ptr<const rectification_plan> rectification;
    {
        std::lock_guard lock(mutex_);
        names = unit_names_;
        rectification = rectification_;
    }
    status_rows rows;
    try {
        rows =
            read_status_rows(database_, [&](const target_row& t) { return in_scope(t, *scope); });
    } catch (const store_error& e) {
        stats_.count_degraded(degraded_mode::status_page_failed);
        log_->warn("status page: {}", e.what());
        return unavailable(e.what());
    }
    const status_model model =
        build_status_model(rows, *names, rectification.get(), *scope, now_epoch_seconds());
    if (!model.found)
        return served_page{404, "text/html; charset=utf-8", write_not_found_html(*scope)};
    return served_page{200, "text/html; charset=utf-8",
                       write_status_html(model, *default_time_zone())};
}

} // namespace govmon
