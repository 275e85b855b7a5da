#include "daemon/store/page_signals_json.hpp"

#include <nlohmann/json.hpp>

namespace govmon {

std::string signals_json(const page_signals& s) {
    const nlohmann::json j{{"url", s.url},
                           {"title", s.title},
                           {"keywords", s.keywords},
                           {"description", s.description},
                           {"script_hosts", s.script_hosts},
                           {"iframe_hosts", s.iframe_hosts},
                           {"outbound_hosts", s.outbound_hosts}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<page_signals> parse_signals_json(const std::string& text) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    page_signals s;
    const auto read_string = [&](const char* key, std::string& into) {
        if (const auto it = j.find(key); it != j.end() && it->is_string())
            into = it->get<std::string>();
    };
    const auto read_hosts = [&](const char* key, std::set<std::string>& into) {
        if (const auto it = j.find(key); it != j.end() && it->is_array())
            for (const auto& host : *it)
                if (host.is_string())
                    into.insert(host.get<std::string>());
    };
    read_string("url", s.url);
    read_string("title", s.title);
    read_string("keywords", s.keywords);
    read_string("description", s.description);
    read_hosts("script_hosts", s.script_hosts);
    read_hosts("iframe_hosts", s.iframe_hosts);
    read_hosts("outbound_hosts", s.outbound_hosts);
    return s;
}

} // namespace govmon
