#include "daemon/store/export_writer.hpp"

#include "daemon/common/csv_field.hpp"
#include "daemon/common/time_zone.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace govmon {

std::string_view csv_preamble() noexcept {
    return "\xEF\xBB\xBF"
           "time,target,target_kind,platform,unit,probe,url,ok,http_status,latency_ms,error,"
           "last_update,detail\r\n";
}

void append_csv_row(std::string& out, const export_row& row, const zone_rules& zone) {
    const auto text = [&](std::string_view field) {
        append_csv_field(out, field);
        out.push_back(',');
    };
    const auto number = [&](std::optional<std::int64_t> value) {
        if (value) {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, *value).ptr;
            out.append(digits, end);
        }
        out.push_back(',');
    };
    append_iso8601(out, row.time, zone);
    out.push_back(',');
    text(row.target);
    text(row.target_kind);
    text(row.platform);
    text(row.unit);
    text(row.probe);
    text(row.url);
    out.append(row.ok ? "1," : "0,");
    number(row.http_status);
    number(row.latency_ms);
    text(row.error);
    if (row.last_update)
        append_iso8601(out, *row.last_update, zone);
    out.push_back(',');
    append_csv_field(out, row.detail);
    out.append("\r\n");
}

void append_jsonl_row(std::string& out, const export_row& row, const zone_rules& zone) {
    using json = nlohmann::ordered_json; // keys in the column order of the CSV
    json object;
    object["time"] = format_iso8601(row.time, zone);
    object["target"] = row.target;
    object["target_kind"] = row.target_kind;
    object["platform"] = row.platform;
    object["unit"] = row.unit;
    object["probe"] = row.probe;
    object["url"] = row.url;
    object["ok"] = row.ok ? 1 : 0;
    object["http_status"] = row.http_status ? json(*row.http_status) : json(nullptr);
    object["latency_ms"] = row.latency_ms;
    object["error"] = row.error;
    object["last_update"] =
        row.last_update ? json(format_iso8601(*row.last_update, zone)) : json(nullptr);
    json detail = json::parse(row.detail, nullptr, /*allow_exceptions=*/false);
    object["detail"] = detail.is_discarded() ? json(row.detail) : std::move(detail);
    out.append(object.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace));
    out.push_back('\n');
}

} // namespace govmon
