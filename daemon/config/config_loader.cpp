#include "daemon/config/config_loader.hpp"

#include "daemon/common/finding_kind.hpp"
#include "daemon/common/time_zone.hpp"
#include "daemon/config/account_validation.hpp"
#include "daemon/config/config_validation.hpp"
#include "daemon/config/contacts_reader.hpp"
#include "daemon/config/load_context.hpp"
#include "daemon/config/rectification_reader.hpp"
#include "daemon/config/registry_csv.hpp"
#include "daemon/config/thresholds_reader.hpp"
#include "daemon/config/value_checks.hpp"
#include "daemon/config/yaml_reader.hpp"
#include "probes/content/content_rules.hpp"
#include "probes/site/browser_command.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

namespace govmon {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> check_http_url(const std::string& text) {
    if (is_http_url(text))
        return std::nullopt;
    return "'" + text + "' is not an absolute http:// or https:// URL";
}

std::optional<std::string> check_smtp_url(const std::string& text) {
    if (!is_absolute_url(text, {"smtp", "smtps"}))
        return "'" + text + "' is not an smtp:// or smtps:// URL";
    const std::string_view rest = std::string_view(text).substr(text.find("://") + 3);
    if (rest.substr(0, rest.find_first_of("/?#")).find('@') != std::string_view::npos)
        return "alerts.smtp_url must not hold a user or password: set GOVMON_SMTP_USER and "
               "GOVMON_SMTP_PASSWORD in the environment, or alerts.credentials_file";
    return std::nullopt;
}

std::optional<std::string> check_email(const std::string& text) {
    if (is_email_address(text))
        return std::nullopt;
    return "'" + text + "' does not look like an email address";
}

std::optional<std::string> check_site_level(const std::string& text) {
    if (is_site_level(text))
        return std::nullopt;
    return "unknown site level '" + text + "' (one of 省级, 市级, 县级, 其他)";
}

// 网站标识码: ten digits (3200000001), or bm and eight digits for a ministry's site.
std::optional<std::string> check_site_code(const std::string& text) {
    const bool ministry = text.size() == 10 && text.starts_with("bm");
    const bool digits =
        text.size() == 10 && std::all_of(text.begin() + (ministry ? 2 : 0), text.end(),
                                         [](char c) { return c >= '0' && c <= '9'; });
    if (digits)
        return std::nullopt;
    return "'" + text + "' is not a 网站标识码 (ten digits, or bm and eight digits)";
}

std::optional<std::string> check_not_empty(const std::string& text) {
    if (!text.empty())
        return std::nullopt;
    return "must not be empty";
}

// '*' names alerts.to in the alert outbox and `govmon alerts preview`.
std::optional<std::string> check_unit_id(const std::string& text) {
    if (auto empty = check_not_empty(text))
        return empty;
    if (text == "*")
        return "'*' is reserved (it stands for alerts.to)";
    return std::nullopt;
}

std::optional<std::string> check_regex(const std::string& text) {
    try {
        std::regex compiled(text, std::regex::ECMAScript);
        return std::nullopt;
    } catch (const std::regex_error& e) {
        return "'" + text + "' is not a valid regular expression (" + e.what() + ")";
    }
}

std::optional<std::string> check_host_port(const std::string& text) {
    if (is_host_port(text))
        return std::nullopt;
    return "'" + text + "' is not host:port (e.g. 127.0.0.1:9464 or [::1]:9464)";
}

std::optional<std::string> check_host(const std::string& text) {
    if (is_host_with_optional_port(text) && text.find(':') == std::string::npos)
        return std::nullopt;
    return "'" + text + "' is not a host name";
}

std::optional<std::string> check_render_mode(const std::string& text) {
    if (text == "auto" || text == "always" || text == "never")
        return std::nullopt;
    return "unknown render mode '" + text + "' (one of auto, always, never)";
}

std::string search_path() {
    const char* path = std::getenv("PATH");
    return path ? path : "";
}

std::optional<std::string> check_time_zone(const std::string& text) {
    if (is_known_time_zone(text))
        return std::nullopt;
    return "unknown time zone '" + text + "' (a tz database name such as Asia/Shanghai)";
}

void append(std::vector<yaml_field>& fields, std::vector<yaml_field> more) {
    std::move(more.begin(), more.end(), std::back_inserter(fields));
}

std::optional<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// Walks the YAML document section by section into a config, one reader per key.
class config_walker {
public:
    config_walker(config& cfg, const yaml_reader& reader, load_context& context)
        : cfg_(cfg), reader_(reader), context_(context),
          base_dir_(fs::absolute(fs::path(cfg.path)).parent_path()) {}

    void read_document(const yaml_value& root) {
        reader_.read_fields(root,
                            {
                                {"timezone", [&](auto& v) { read_timezone(v); }},
                                {"database", [&](auto& v) { read_database(v); }},
                                {"metrics", [&](auto& v) { read_metrics(v); }},
                                {"schedule", [&](auto& v) { read_schedule(v); }},
                                {"http", [&](auto& v) { read_http(v); }},
                                {"crawl", [&](auto& v) { read_crawl(v); }},
                                {"thresholds", [&](auto& v) { read_thresholds_section(v); }},
                                {"ads", [&](auto& v) { read_ads(v); }},
                                {"content", [&](auto& v) { read_content(v); }},
                                {"bridges", [&](auto& v) { read_bridges(v); }},
                                {"platforms", [&](auto& v) { read_platforms(v); }},
                                {"alerts", [&](auto& v) { read_alerts(v); }},
                                {"rectification", [&](auto& v) { read_rectification_rules(v); }},
                                {"units", [&](auto& v) { read_units(v); }},
                                {"sites", [&](auto& v) { read_sites(v); }},
                                {"accounts", [&](auto& v) { read_accounts(v); }},
                                {"registry", [&](auto& v) { read_registry(v); }},
                            },
                            "");
    }

    // Registry files that exist, each once, in the order the config lists them.
    const std::vector<std::string>& registry_files() const { return registry_files_; }

private:
    // Relative paths mean "next to the config file", so that a config works from any cwd.
    std::string resolve_path(const std::string& path) const {
        if (path.empty() || fs::path(path).is_absolute())
            return path;
        return (base_dir_ / path).lexically_normal().string();
    }

    // Resolves a path that must name an existing file; reports it (and returns nothing)
    // when it does not.
    std::optional<std::string> existing_file(const yaml_value& value) {
        std::string text;
        if (!reader_.read_text(value, text, check_not_empty))
            return std::nullopt;
        const std::string resolved = resolve_path(text);
        std::error_code ec;
        if (!fs::is_regular_file(resolved, ec)) {
            reader_.error(value, "file '" + text + "' does not exist" +
                                     (resolved != text ? " (looked for " + resolved + ")" : ""));
            return std::nullopt;
        }
        return resolved;
    }

    void read_timezone(const yaml_value& v) {
        reader_.read_text(v, cfg_.timezone, check_time_zone);
    }

    void read_database(const yaml_value& v) {
        std::string path;
        if (!reader_.read_text(v, path, check_not_empty))
            return;
        // SQLite's in-memory database is a name, not a file.
        cfg_.database = path == ":memory:" ? path : resolve_path(path);
    }

    void read_metrics(const yaml_value& section) {
        auto& m = cfg_.metrics;
        reader_.read_fields(
            section,
            {{"listen", [&](auto& v) { reader_.read_text(v, m.listen, check_host_port); }}},
            "metrics");
    }

    void read_schedule(const yaml_value& section) {
        auto& s = cfg_.schedule;
        reader_.read_fields(
            section,
            {
                {"availability_every",
                 [&](auto& v) { reader_.read_duration(v, s.availability_every, false); }},
                {"crawl_every", [&](auto& v) { reader_.read_duration(v, s.crawl_every, false); }},
                {"accounts_every",
                 [&](auto& v) { reader_.read_duration(v, s.accounts_every, false); }},
                {"jitter", [&](auto& v) { reader_.read_share(v, s.jitter, false); }},
            },
            "schedule");
    }

    void read_http(const yaml_value& section) {
        auto& h = cfg_.http;
        reader_.read_fields(
            section,
            {
                {"user_agent",
                 [&](auto& v) { reader_.read_text(v, h.user_agent, check_not_empty); }},
                {"timeout", [&](auto& v) { reader_.read_duration(v, h.timeout, false); }},
                {"connect_timeout",
                 [&](auto& v) { reader_.read_duration(v, h.connect_timeout, false); }},
                {"max_body", [&](auto& v) { reader_.read_size(v, h.max_body); }},
                {"concurrency", [&](auto& v) { reader_.read_int(v, h.concurrency, 1); }},
                {"per_host", [&](auto& v) { reader_.read_int(v, h.per_host, 1); }},
                {"per_host_delay",
                 [&](auto& v) { reader_.read_duration(v, h.per_host_delay, true); }},
                {"retries", [&](auto& v) { reader_.read_int(v, h.retries, 0); }},
                {"resolve", [&](auto& v) { read_resolve(v); }},
                {"allow_private", [&](auto& v) { reader_.read_bool(v, h.allow_private); }},
                {"allow_private_hosts",
                 [&](auto& v) { reader_.read_text_list(v, h.allow_private_hosts, check_host); }},
                {"ca_file",
                 [&](auto& v) {
                     if (auto path = existing_file(v))
                         h.ca_file = *path;
                 }},
            },
            "http");
    }

    void read_resolve(const yaml_value& section) {
        reader_.for_each_entry(section, [&](const yaml_value& key, const yaml_value& value) {
            const std::string& host = key.node.Scalar();
            if (!is_host_with_optional_port(host)) {
                reader_.error(key, "'" + host + "' is not host or host:port");
                return;
            }
            std::vector<std::string> addresses;
            const auto check_address = [](const std::string& text) -> std::optional<std::string> {
                if (is_ip_address(text))
                    return std::nullopt;
                return "'" + text + "' is not an IPv4 or IPv6 address";
            };
            if (value.node.IsSequence()) {
                reader_.read_text_list(value, addresses, check_address);
                if (value.node.size() == 0)
                    reader_.error(value, "needs at least one address");
            } else {
                std::string address;
                if (reader_.read_text(value, address, check_address))
                    addresses.push_back(address);
            }
            if (!addresses.empty())
                cfg_.http.resolve[host] = std::move(addresses);
        });
    }

    void read_crawl(const yaml_value& section) {
        auto& c = cfg_.crawl;
        std::optional<yaml_value> render_key;
        reader_.read_fields(
            section,
            {
                {"max_pages", [&](auto& v) { reader_.read_int(v, c.max_pages, 1); }},
                {"max_depth", [&](auto& v) { reader_.read_int(v, c.max_depth, 1); }},
                {"check_external", [&](auto& v) { reader_.read_bool(v, c.check_external); }},
                {"respect_robots", [&](auto& v) { reader_.read_bool(v, c.respect_robots); }},
                {"exclude", [&](auto& v) { reader_.read_text_list(v, c.exclude, check_regex); }},
                {"subhosts", [&](auto& v) { reader_.read_bool(v, c.subhosts); }},
                {"target_pages_read",
                 [&](auto& v) { reader_.read_int(v, c.target_pages_read, 0); }},
                {"render",
                 [&](auto& v) {
                     if (reader_.read_text(v, c.render, check_render_mode))
                         render_key = v;
                 }},
                {"render_timeout",
                 [&](auto& v) { reader_.read_duration(v, c.render_timeout, false); }},
                {"render_concurrency",
                 [&](auto& v) { reader_.read_int(v, c.render_concurrency, 1); }},
                {"browser", [&](auto& v) { read_browser(v); }},
            },
            "crawl");
        if (render_key && c.render == "always" && c.browser.empty() &&
            find_browser("", search_path()).empty())
            reader_.error(*render_key, "always needs a browser: neither chromium nor "
                                       "chromium-browser is on PATH (apt-get install chromium, "
                                       "or set crawl.browser)");
    }

    // A path is resolved like the config's other paths; a bare name is looked up on PATH.
    void read_browser(const yaml_value& value) {
        std::string text;
        if (!reader_.read_text(value, text, check_not_empty))
            return;
        const bool is_path = text.find('/') != std::string::npos;
        const std::string browser = is_path ? resolve_path(text) : text;
        if (find_browser(browser, search_path()).empty()) {
            reader_.error(value, is_path ? "'" + text + "' is not an executable file"
                                         : "no program '" + text + "' on PATH");
            return;
        }
        cfg_.crawl.browser = browser;
    }

    void read_thresholds_section(const yaml_value& section) {
        read_thresholds(reader_, section, cfg_, context_);
    }

    void read_ads(const yaml_value& section) {
        auto& a = cfg_.ads;
        reader_.read_fields(
            section,
            {
                {"rules", [&](auto& v) { read_rule_files(v); }},
                {"keywords",
                 [&](auto& v) { reader_.read_text_list(v, a.keywords, check_not_empty); }},
            },
            "ads");
    }

    void read_rule_files(const yaml_value& list) {
        std::vector<std::string> rules;
        reader_.for_each_item(list, [&](const yaml_value& item) {
            if (auto path = existing_file(item))
                rules.push_back(*path);
        });
        cfg_.ads.rules = std::move(rules);
    }

    void read_content(const yaml_value& section) {
        reader_.read_fields(section, {{"rules", [&](auto& v) { read_content_lists(v); }}},
                            "content");
    }

    // A bad line of a local list is an error at that list's line, like any config error.
    void read_content_lists(const yaml_value& list) {
        std::vector<std::string> rules;
        reader_.for_each_item(list, [&](const yaml_value& item) {
            const auto path = existing_file(item);
            if (!path)
                return;
            std::ifstream in(*path, std::ios::binary);
            const std::string text{std::istreambuf_iterator<char>(in), {}};
            const content_rule_list parsed = parse_content_rules(text, *path);
            for (const content_rule_error& e : parsed.errors)
                context_.errors.push_back({*path, e.line, e.message});
            rules.push_back(*path);
        });
        cfg_.content.rules = std::move(rules);
    }

    void read_bridges(const yaml_value& section) {
        auto& b = cfg_.bridges;
        reader_.read_fields(
            section, {{"rsshub", [&](auto& v) { reader_.read_text(v, b.rsshub, check_http_url); }}},
            "bridges");
    }

    void read_platforms(const yaml_value& section) {
        reader_.for_each_entry(section, [&](const yaml_value& key, const yaml_value& value) {
            const std::string& name = key.node.Scalar();
            if (!is_known_platform(name)) {
                reader_.error(key, "unknown platform '" + name + "' (one of " +
                                       join(known_platforms(), ", ") + ")");
                return;
            }
            platform_config platform;
            std::vector<yaml_field> fields{
                {"api", [&](auto& v) { reader_.read_text(v, platform.api, check_http_url); }},
                {"per_host_delay",
                 [&](auto& v) {
                     reader_.read_optional_duration(v, platform.per_host_delay, true);
                 }},
                {"concurrency", [&](auto& v) { reader_.read_int(v, platform.concurrency, 1); }},
            };
            append(fields, account_freshness_fields(reader_, platform.freshness));
            reader_.read_fields(value, fields, value.path);
            cfg_.platforms[name] = std::move(platform);
        });
    }

    void read_alerts(const yaml_value& section) {
        auto& a = cfg_.alerts;
        const bool is_map = reader_.read_fields(
            section,
            {
                {"smtp_url", [&](auto& v) { reader_.read_text(v, a.smtp_url, check_smtp_url); }},
                {"from", [&](auto& v) { reader_.read_text(v, a.from, check_email); }},
                {"to", [&](auto& v) { reader_.read_text_list(v, a.to, check_email); }},
                {"digest_every", [&](auto& v) { reader_.read_duration(v, a.digest_every, false); }},
                {"retry_after", [&](auto& v) { reader_.read_duration(v, a.retry_after, false); }},
                {"once_wait", [&](auto& v) { reader_.read_duration(v, a.once_wait, false); }},
                {"credentials_file",
                 [&](auto& v) { a.credentials_file = existing_file(v).value_or(""); }},
                {"routes", [&](auto& v) { read_alert_routes(reader_, v, a.routes); }},
            },
            "alerts");
        if (is_map && !a.smtp_url.empty() && a.from.empty())
            reader_.error(section, "alerts.from is needed to send mail through alerts.smtp_url");
    }

    void read_rectification_rules(const yaml_value& section) {
        read_rectification(reader_, section, cfg_.rectification);
        for (const rectification_rule& rule : cfg_.rectification.rules)
            if (!rule.unit.empty())
                context_.unit_references.push_back({rule.unit, "a rectification rule", rule.where});
    }

    void read_units(const yaml_value& list) {
        reader_.for_each_item(list, [&](const yaml_value& item) { read_unit(item); });
    }

    void read_unit(const yaml_value& item) {
        unit_config unit;
        unit.where = reader_.at(item);
        field_lines lines{unit.where, {}};
        if (!reader_.read_fields(
                item,
                {
                    {"id", [&](auto& v) { reader_.read_text(v, unit.id, check_unit_id); }},
                    {"name", [&](auto& v) { reader_.read_text(v, unit.name, check_not_empty); }},
                    {"contacts", [&](auto& v) { read_unit_contacts(reader_, v, unit); }},
                },
                item.path, &lines))
            return;
        require(lines, {"id", "name"}, "unit", unit.id);
        if (!unit.id.empty())
            context_.units.push_back({unit.id, "unit", lines.of("id")});
        cfg_.units.push_back(std::move(unit));
    }

    void read_sites(const yaml_value& list) {
        reader_.for_each_item(list, [&](const yaml_value& item) { read_site(item); });
    }

    void read_site(const yaml_value& item) {
        site_config site;
        site.where = reader_.at(item);
        field_lines lines{site.where, {}};
        if (!reader_.read_fields(
                item,
                {
                    {"id", [&](auto& v) { reader_.read_text(v, site.id, check_not_empty); }},
                    {"name", [&](auto& v) { reader_.read_text(v, site.name, check_not_empty); }},
                    {"url", [&](auto& v) { reader_.read_text(v, site.url, check_http_url); }},
                    {"unit", [&](auto& v) { reader_.read_text(v, site.unit, check_not_empty); }},
                    {"level", [&](auto& v) { reader_.read_text(v, site.level, check_site_level); }},
                    {"owner", [&](auto& v) { reader_.read_text(v, site.owner); }},
                    {"owner_email",
                     [&](auto& v) { reader_.read_text(v, site.owner_email, check_owner_email); }},
                    {"crawl_subhosts",
                     [&](auto& v) {
                         bool subhosts = false;
                         reader_.read_bool(v, subhosts);
                         site.crawl_subhosts = subhosts;
                     }},
                    {"interaction_channels",
                     [&](auto& v) {
                         reader_.read_text_list(v, site.interaction_channels, check_http_url);
                     }},
                    {"interaction_elsewhere",
                     [&](auto& v) {
                         reader_.read_text(v, site.interaction_elsewhere, check_http_url);
                     }},
                    {"site_code",
                     [&](auto& v) { reader_.read_text(v, site.site_code, check_site_code); }},
                    {"columns",
                     [&](auto& v) {
                         reader_.for_each_item(
                             v, [&](const yaml_value& column) { read_column(column, site); });
                     }},
                },
                item.path, &lines))
            return;
        require(lines, {"id", "name", "url"}, "site", site.id);
        const std::string referrer = "site '" + site.id + "'";
        if (!site.id.empty())
            context_.targets.push_back({site.id, "site", lines.of("id")});
        if (!site.unit.empty())
            context_.unit_references.push_back({site.unit, referrer, lines.of("unit")});
        cfg_.sites.push_back(std::move(site));
    }

    void read_column(const yaml_value& item, site_config& site) {
        column_config column;
        field_lines lines{reader_.at(item), {}};
        const auto check_category = [](const std::string& text) -> std::optional<std::string> {
            if (is_column_category(text))
                return std::nullopt;
            return "unknown column category '" + text + "' (one of news, notice, personnel)";
        };
        if (!reader_.read_fields(
                item,
                {
                    {"name", [&](auto& v) { reader_.read_text(v, column.name, check_not_empty); }},
                    {"url", [&](auto& v) { reader_.read_text(v, column.url, check_http_url); }},
                    {"category",
                     [&](auto& v) { reader_.read_text(v, column.category, check_category); }},
                },
                item.path, &lines))
            return;
        require(lines, {"name", "url", "category"}, "column", column.name);
        site.columns.push_back(std::move(column));
    }

    void read_accounts(const yaml_value& list) {
        reader_.for_each_item(list, [&](const yaml_value& item) { read_account(item); });
    }

    void read_account(const yaml_value& item) {
        account_config account;
        account.where = reader_.at(item);
        field_lines lines{account.where, {}};
        const auto text = [this](std::string& out) {
            return [this, target = &out](const yaml_value& v) { reader_.read_text(v, *target); };
        };
        std::vector<yaml_field> fields{
            {"id", text(account.id)},
            {"name", text(account.name)},
            {"platform", text(account.platform)},
            {"uid", text(account.uid)},
            {"url", text(account.url)},
            {"feed", text(account.feed)},
            {"unit", text(account.unit)},
            {"content", text(account.content)},
            {"status", [&](auto& v) { read_account_status(v, account); }},
            {"owner", text(account.owner)},
            {"owner_email", text(account.owner_email)},
        };
        append(fields, account_freshness_fields(reader_, account.freshness));
        if (!reader_.read_fields(item, fields, item.path, &lines))
            return;
        // Field checks are shared with registry rows, hence done on the finished account.
        validate_account(account, lines, context_);
        cfg_.accounts.push_back(std::move(account));
    }

    void read_account_status(const yaml_value& v, account_config& account) {
        std::string status;
        if (!reader_.read_text(v, status))
            return;
        if (const auto active = parse_account_status(status))
            account.active = *active;
        else
            reader_.error(v, "unknown status '" + status + "' (正常/active or 关停/注销/closed)");
    }

    void read_registry(const yaml_value& list) {
        std::set<std::string> listed;
        reader_.for_each_item(list, [&](const yaml_value& item) {
            const auto path = existing_file(item);
            if (!path)
                return;
            if (!listed.insert(*path).second) {
                reader_.error(item, "registry file '" + *path + "' is listed twice");
                return;
            }
            cfg_.registry.push_back(*path);
            registry_files_.push_back(*path);
        });
    }

    // Reports the keys an entry must have and does not (a key with an empty value has already
    // been reported by its reader).
    void require(const field_lines& lines, std::initializer_list<const char*> keys,
                 const std::string& kind, const std::string& id) {
        for (const char* key : keys) {
            if (lines.lines.find(key) != lines.lines.end())
                continue;
            const std::string subject = id.empty() ? kind : kind + " '" + id + "'";
            context_.error(lines.entry, subject + " has no " + key);
        }
    }

    config& cfg_;
    const yaml_reader& reader_;
    load_context& context_;
    fs::path base_dir_;
    std::vector<std::string> registry_files_;
};

std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& path,
                                     load_context& context) {
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        context.error({path, e.mark.line < 0 ? 0 : e.mark.line + 1}, "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
        context.error({path, e.mark.line < 0 ? 0 : e.mark.line + 1},
                      std::string("YAML: ") + e.what());
    }
    return std::nullopt;
}

void load_into(config& cfg, load_context& context) {
    const auto text = read_whole_file(cfg.path);
    if (!text) {
        context.error({cfg.path, 0}, "cannot read the config file");
        return;
    }
    const auto document = parse_yaml(*text, cfg.path, context);
    if (!document)
        return;
    const yaml_reader reader(cfg.path, context);
    if (document->IsNull()) {
        context.error({cfg.path, 1}, "the config file is empty");
        return;
    }
    config_walker walker(cfg, reader, context);
    walker.read_document(reader.root(*document));
    for (const auto& registry : walker.registry_files())
        load_registry_csv(registry, cfg.accounts, context);
    check_cross_references(context);
    check_account_freshness(cfg, context);
}

// Cross-file checks run last but belong between the others: order by file (the config first,
// then the registries as listed), then by line, keeping the order of errors on one line.
void sort_by_file_and_line(std::vector<config_error>& errors, const config& cfg) {
    std::vector<std::string> file_order{cfg.path};
    file_order.insert(file_order.end(), cfg.registry.begin(), cfg.registry.end());
    for (const auto& e : errors)
        if (std::find(file_order.begin(), file_order.end(), e.file) == file_order.end())
            file_order.push_back(e.file);
    const auto file_rank = [&](const std::string& file) {
        return std::find(file_order.begin(), file_order.end(), file) - file_order.begin();
    };
    std::stable_sort(errors.begin(), errors.end(),
                     [&](const config_error& a, const config_error& b) {
                         const auto rank_a = file_rank(a.file);
                         const auto rank_b = file_rank(b.file);
                         return rank_a != rank_b ? rank_a < rank_b : a.line < b.line;
                     });
}

} // namespace

config_load_result load_config(const std::string& path) {
    config_load_result result;
    result.cfg.path = path;
    load_context context;
    try {
        load_into(result.cfg, context);
    } catch (const std::exception& e) {
        // Promised never to throw: whatever escapes (bad_alloc, a filesystem error) is one
        // more error of this file.
        context.error({path, 0}, std::string("cannot load the config: ") + e.what());
    }
    sort_by_file_and_line(context.errors, result.cfg);
    result.errors = std::move(context.errors);
    return result;
}

} // namespace govmon
