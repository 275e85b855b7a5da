#include "daemon/common/finding_kind.hpp"
#include "daemon/metrics/metrics.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using govmon::degraded_mode;
using govmon::http_phases;
using govmon::metrics;

namespace {

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

// promtool prints nothing and exits 0 when the exposition follows the naming rules.
std::string promtool_lint(const std::string& text) {
    const auto file = std::filesystem::temp_directory_path() / "govmon_metrics_test.prom";
    std::ofstream(file) << text;
    const std::string command =
        std::string(GOVMON_PROMTOOL) + " check metrics < " + file.string() + " 2>&1";
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe))
        output += buffer;
    const int status = ::pclose(pipe);
    std::filesystem::remove(file);
    return status == 0 ? output : "exit " + std::to_string(status) + ": " + output;
}

} // namespace

TEST_CASE("series exist at 0 from start-up") {
    metrics m("1.2.3");
    m.declare_site("hb-portal", "hb-gov-office");
    const std::string text = m.text();
    CHECK(has_line(text, "govmon_build_info{version=\"1.2.3\"} 1"));
    CHECK(has_line(text, "govmon_findings{kind=\"site_unreachable\",severity=\"veto\"} 0"));
    CHECK(has_line(text, "govmon_http_requests_total{result=\"timeout\"} 0"));
    CHECK(
        has_line(text, "govmon_cycle_last_success_timestamp_seconds{schedule=\"availability\"} 0"));
    CHECK(has_line(
        text, "govmon_probe_success{kind=\"site\",probe=\"availability\",target=\"hb-portal\"} 0"));
    CHECK(has_line(
        text,
        "govmon_target_failing{kind=\"site\",target=\"hb-portal\",unit=\"hb-gov-office\"} 0"));
    for (std::string_view phase : http_phases)
        CHECK(has_line(text, "govmon_probe_http_duration_seconds{phase=\"" + std::string(phase) +
                                 "\",target=\"hb-portal\"} 0"));
}

TEST_CASE("every finding kind has an info series with its Chinese name, for boards to join") {
    metrics m("1.0");
    const std::string text = m.text();
    CHECK(has_line(text,
                   "govmon_finding_kind_info{indicator=\"site.interaction\",kind=\""
                   "interaction_unanswered\",label=\"互动回应差（留言超过3个月未答复）\"} 1"));
    for (const govmon::finding_kind_info& k : govmon::finding_kinds())
        CHECK(text.find("kind=\"" + std::string(k.name) + "\",label=\"" + std::string(k.label)) !=
              std::string::npos);
}

TEST_CASE("recorded values show up and forgotten targets disappear") {
    metrics m("1.0");
    m.declare_site("a", "u");
    m.declare_site("b", "u");
    m.record_probe("a", "site", "availability", true, 0.25);
    m.set_availability_ratio("a", 0.97);
    m.set_tls_expiry("a", 1800000000);
    m.set_http_phase("a", "connect", 6.5);
    m.count_http_request("ok");
    m.count_http_request("ok");
    m.set_findings({{{"tls_invalid", "warn"}, 2}});
    std::string text = m.text();
    CHECK(has_line(text,
                   "govmon_probe_success{kind=\"site\",probe=\"availability\",target=\"a\"} 1"));
    CHECK(has_line(
        text,
        "govmon_probe_duration_seconds{kind=\"site\",probe=\"availability\",target=\"a\"} 0.25"));
    CHECK(has_line(text, "govmon_site_availability_ratio{target=\"a\"} 0.97"));
    CHECK(has_line(text, "govmon_tls_cert_expiry_timestamp_seconds{target=\"a\"} 1800000000"));
    CHECK(has_line(text, "govmon_probe_http_duration_seconds{phase=\"connect\",target=\"a\"} 6.5"));
    CHECK(has_line(text, "govmon_http_requests_total{result=\"ok\"} 2"));
    CHECK(has_line(text, "govmon_findings{kind=\"tls_invalid\",severity=\"warn\"} 2"));

    m.set_findings({});
    CHECK(has_line(m.text(), "govmon_findings{kind=\"tls_invalid\",severity=\"warn\"} 0"));

    m.forget_target("a");
    text = m.text();
    CHECK(text.find("target=\"a\"") == std::string::npos);
    CHECK(text.find("target=\"b\"") != std::string::npos);
}

TEST_CASE("page renders are counted by result, every result at 0 from start-up") {
    metrics m("1.0");
    std::string text = m.text();
    for (const char* result : {"ok", "timeout", "failed", "unavailable"})
        CHECK(
            has_line(text, std::string("govmon_page_renders_total{result=\"") + result + "\"} 0"));
    m.count_page_render("ok");
    m.count_page_render("timeout");
    m.count_page_render("ok");
    text = m.text();
    CHECK(has_line(text, "govmon_page_renders_total{result=\"ok\"} 2"));
    CHECK(has_line(text, "govmon_page_renders_total{result=\"timeout\"} 1"));
    CHECK(has_line(text, "govmon_page_renders_total{result=\"failed\"} 0"));
}

TEST_CASE("the exposition passes promtool check metrics") {
    metrics m("1.0");
    m.declare_site("hb-portal", "hb-gov-office");
    m.record_probe("hb-portal", "site", "availability", false, 15.0);
    m.set_http_phase("hb-portal", "first_byte", 14.9);
    m.cycle_finished("availability", 1795305600);
    CHECK(promtool_lint(m.text()) == "");
}

TEST_CASE("the exposer serves on a free port") {
    metrics m("1.0");
    m.serve("127.0.0.1:0");
    REQUIRE(m.listening_ports().size() == 1);
    CHECK(m.listening_ports()[0] > 0);
}

TEST_CASE("every degraded mode is a series at 0 from start-up, and counting moves it") {
    metrics m("1.0");
    for (const char* mode :
         {"job_crashed", "reload_refused", "ad_list_unreadable", "alert_round_failed",
          "mail_without_address", "crawl_worker_failed", "status_page_failed", "mail_lock_missing"})
        CHECK(has_line(m.text(), "govmon_degraded_total{mode=\"" + std::string(mode) + "\"} 0"));
    m.count_degraded(degraded_mode::job_crashed);
    m.count_degraded(degraded_mode::job_crashed);
    m.count_degraded(degraded_mode::mail_without_address);
    CHECK(has_line(m.text(), "govmon_degraded_total{mode=\"job_crashed\"} 2"));
    CHECK(has_line(m.text(), "govmon_degraded_total{mode=\"mail_without_address\"} 1"));
    CHECK(has_line(m.text(), "govmon_degraded_total{mode=\"reload_refused\"} 0"));
}
