#include "probes/dates/date_parse.hpp"

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace govmon;

// feedparser's date strings (shared/corpora/feeddates/cases/), each read from its file and
// checked against the instant govmon must give it under the Beijing convention. The instants
// were computed independently with python3's datetime. A file holding several dates is checked
// on its first one here; tests/accounts/feed_parser_test.cpp checks every file as a whole feed.

namespace {

enum class verdict {
    agrees,             // same instant as feedparser
    beijing_convention, // zone-less value: govmon reads +08:00 where feedparser reads UTC
    refused_by_govmon,  // feedparser returns a date, govmon deliberately none (see comment)
    refused_by_both,    // invalid for feedparser too
};

struct corpus_case {
    std::string_view file;
    std::string_view value; // the file's first date value, as the file spells it
    std::optional<std::int64_t> instant;
    verdict kind;
};

constexpr std::int64_t probe_time = 1795226400; // 2026-11-21 10:00 Beijing; no relative dates here

// clang-format off
const auto corpus_cases = std::to_array<corpus_case>({
    {"at-01.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"at-02.xml", "2003-12-31T10:14:55-08:00", 1072894495, verdict::agrees},
    {"at-03.xml", "2003-12-31T18:14:55+08:00", 1072865695, verdict::agrees},
    {"at-04.xml", "2007-04-23T23:25:47.538+10:00", 1177334747, verdict::agrees},
    {"at-05.xml", "2004-02-28T18:14:55-08:00", 1078020895, verdict::agrees},
    {"at-06.xml", "2003-02-28T18:14:55-08:00", 1046484895, verdict::agrees},
    {"at-07.xml", "2000-02-28T18:14:55-08:00", 951790495, verdict::agrees},
    {"at-08.xml", "2003-12-31T10:14:55.1234Z", 1072865695, verdict::agrees},
    // zone-less: Beijing time; feedparser reads UTC (16:29:06Z)
    {"dp-asctime-01.xml", "Sun Jan  4 16:29:06 2004", 1073204946, verdict::beijing_convention},
    {"dp-asctime-02.xml", "Sun Jul 15 01:16:00 +0000 2012", 1342314960, verdict::agrees},
    // month only (-YYMM): a month is not a post date; feedparser: 2003-12-01
    {"dp-iso8601-02.xml", "-0312", std::nullopt, verdict::refused_by_govmon},
    // YYMMDD: six bare digits are an ID far more often than a date; feedparser: 2003-12-31
    {"dp-iso8601-03.xml", "031231", std::nullopt, verdict::refused_by_govmon},
    // YY-MM-DD: two-digit-year numeric dates are ambiguous; feedparser: 2003-12-31
    {"dp-iso8601-04.xml", "03-12-31", std::nullopt, verdict::refused_by_govmon},
    // month only (-YY-MM); feedparser: 2003-12-01
    {"dp-iso8601-05.xml", "-03-12", std::nullopt, verdict::refused_by_govmon},
    // two-digit-year ordinal (YYDDD); feedparser: 2003-12-01
    {"dp-iso8601-06.xml", "03335", std::nullopt, verdict::refused_by_govmon},
    {"dp-iso8601-07.xml", "2003-12-31T10:14:55.1234Z", 1072865695, verdict::agrees},
    // three-digit month (an old Google bug); feedparser: 2003-12-31T10:14:55Z
    {"dp-iso8601-08.xml", "2003-012-31T10:14:55+00:00", std::nullopt, verdict::refused_by_govmon},
    {"dp-rfc822-02.xml", "Thu, 30 Apr 2015 08:57:00 MET", 1430380620, verdict::agrees},
    {"dp-rfc822-03.xml", "Thu, 30 Apr 2015 08:57:00 MEST", 1430377020, verdict::agrees},
    {"dp-rfc822-05.xml", "Thu, 01 Jan 04 19:48:21 GMT", 1072986501, verdict::agrees},
    {"dp-rfc822-07.xml", "Thu,  5 Apr 2012 10:00:00 GMT", 1333620000, verdict::agrees},
    {"dp-rfc822-08.xml", "Wed, 19 Aug 2009 18:28:00 Etc/GMT", 1250706480, verdict::agrees},
    {"dp-rfc822-09.xml", "Wed, 19 Feb 2012 22:40:00 GMT-01:01", 1329694860, verdict::agrees},
    {"dp-rfc822-10.xml", "Wed, 19 Feb 2012 22:40:00 -01:01", 1329694860, verdict::agrees},
    {"dp-rfc822-11.xml", "Mon, 13 Feb, 2012 06:28:00 UTC", 1329114480, verdict::agrees},
    {"dp-rfc822-12.xml", "Thu, 01 Jan 2004 00:00 GMT", 1072915200, verdict::agrees},
    // no time: the Beijing day 2004-01-01 (day precision); feedparser: 00:00Z
    {"dp-rfc822-13.xml", "Thu, 01 Jan 2004", 1072886400, verdict::beijing_convention},
    {"dp-rfc822-14.xml", "Mon, 26 January 2004 16:31:00 AT", 1075149060, verdict::agrees},
    {"dp-rfc822-15.xml", "Mon, 26 January 2004 16:31:00 ET", 1075152660, verdict::agrees},
    {"dp-rfc822-16.xml", "Mon, 26 January 2004 16:31:00 CT", 1075156260, verdict::agrees},
    {"dp-rfc822-17.xml", "Mon, 26 January 2004 16:31:00 MT", 1075159860, verdict::agrees},
    {"dp-rfc822-18.xml", "Mon, 26 January 2004 16:31:00 PT", 1075163460, verdict::agrees},
    {"dp-rfc822-19.xml", "Thu Aug 30 2012 17:26:16 +0200", 1346340376, verdict::agrees},
    {"dp-rfc822-20.xml", "Fri,24 Nov 2023 18:28:36 -0000", 1700850516, verdict::agrees},
    {"dp-w3dtf-02.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"dp-w3dtf-03.xml", "2003-12-31T10:14:55-08:00", 1072894495, verdict::agrees},
    {"dp-w3dtf-04.xml", "2003-12-31T18:14:55+08:00", 1072865695, verdict::agrees},
    {"dp-w3dtf-05.xml", "2007-04-23T23:25:47.538+10:00", 1177334747, verdict::agrees},
    // date only: the Beijing day (day precision); feedparser: 2003-12-31T00:00Z
    {"dp-w3dtf-06.xml", "2003-12-31", 1072800000, verdict::beijing_convention},
    // month only: reading it as the 1st would age every post of that month
    {"dp-w3dtf-07.xml", "2003-12", std::nullopt, verdict::refused_by_govmon},
    // year only, same reason; feedparser: 2003-01-01
    {"dp-w3dtf-08.xml", "2003", std::nullopt, verdict::refused_by_govmon},
    {"dp-w3dtf-09.xml", "2004-02-28T18:14:55-08:00", 1078020895, verdict::agrees},
    {"dp-w3dtf-10.xml", "2003-02-28T18:14:55-08:00", 1046484895, verdict::agrees},
    {"dp-w3dtf-11.xml", "2000-02-28T18:14:55-08:00", 951790495, verdict::agrees},
    {"dp-w3dtf-23.xml", "2004-07-08 23:56:58 -00:20", 1089332218, verdict::agrees},
    // zone-less: Beijing time; feedparser reads UTC (23:56:58Z)
    {"dp-w3dtf-24.xml", "2004-07-08 23:56:58", 1089302218, verdict::beijing_convention},
    // zone-less: Beijing time; feedparser reads UTC (23:56:58Z)
    {"dp-w3dtf-25.xml", "2004-07-08 23:56:58.0", 1089302218, verdict::beijing_convention},
    {"fh-date-entry-created-w3dtf-fractional-second.xml", "2007-04-23T23:25:47.538+10:00",
        1177334747, verdict::agrees},
    {"fh-date-entry-modified-w3dtf-utc.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fh-date-entry-updated-rfc822-etcgmt.xml", "Sun, 05 Dec 2010 12:00:00 Etc/GMT",
        1291550400, verdict::agrees},
    {"fp-atom-entry-created-multiple-values.xml", "2010-12-01T10:14:55Z",
        1291198495, verdict::agrees},
    {"fp-atom-entry-created-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-atom-entry-created.xml", "Thu, 01 Jan 2004 19:48:21 GMT", 1072986501, verdict::agrees},
    {"fp-atom-entry-issued-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-atom-entry-issued.xml", "Thu, 01 Jan 2004 19:48:21 GMT", 1072986501, verdict::agrees},
    {"fp-atom-entry-modified-map-updated-parsed.xml", "Thu, 01 Jan 2004 19:48:21 GMT",
        1072986501, verdict::agrees},
    {"fp-atom-entry-published-parsed-date-overwriting.xml", "Thu, 01 Jan 2004 19:48:21 GMT",
        1072986501, verdict::agrees},
    {"fp-atom-entry-published-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-atom-entry-source-updated-parsed.xml", "2003-12-31T10:14:55Z",
        1072865695, verdict::agrees},
    {"fp-atom-entry-updated-multiple-values.xml", "2010-12-01T10:14:55Z",
        1291198495, verdict::agrees},
    {"fp-atom-entry-updated-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-namespace-atomthreadingwithentry.xml", "2009-12-08T16:59:02.563-08:00",
        1260320342, verdict::agrees},
    {"fp-namespace-rss1-0withmodules.xml", "2002-09-28T20:01:19Z", 1033243279, verdict::agrees},
    {"fp-namespace-rss1-0withmodulesnodefns.xml", "2002-09-28T20:01:19Z",
        1033243279, verdict::agrees},
    {"fp-namespace-rss1-0withmodulesnodefnslocalnameclash.xml", "2002-09-28T20:01:19Z",
        1033243279, verdict::agrees},
    {"fp-namespace-rss2-0nonswithmodules.xml", "2002-09-28T21:00:02Z", 1033246802, verdict::agrees},
    {"fp-namespace-rss2-0nonswithmoduleslocalnameclash.xml", "2002-09-28T21:00:02Z",
        1033246802, verdict::agrees},
    {"fp-namespace-rss2-0nswithmodules.xml", "2002-09-28T21:00:02Z", 1033246802, verdict::agrees},
    {"fp-namespace-rss2-0nswithmodulesnodefns.xml", "2002-09-28T21:00:02Z",
        1033246802, verdict::agrees},
    {"fp-namespace-rss2-0nswithmodulesnodefnslocalnameclash.xml", "2002-09-28T21:00:02Z",
        1033246802, verdict::agrees},
    {"fp-namespace-rss2-0withatomns.xml", "Fri, 25 Dec 2009 03:30:22 +0000",
        1261711822, verdict::agrees},
    {"fp-rss-item-dc-date-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-rss-item-dcterms-created-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-rss-item-dcterms-issued-parsed.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"fp-rss-item-dcterms-modified-parsed.xml", "2003-12-31T10:14:55Z",
        1072865695, verdict::agrees},
    {"fp-rss-item-pubdate-map-updated-parsed.xml", "Thu, 01 Jan 2004 19:48:21 GMT",
        1072986501, verdict::agrees},
    {"fp-sanitize-large-atom-feed-that-needs-css-sanitisation.xml", "2009-04-08T14:25:12Z",
        1239200712, verdict::agrees},
    {"jf-01.json", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"jf-02.json", "2003-12-31T10:14:55-08:00", 1072894495, verdict::agrees},
    {"jf-03.json", "2003-12-31T18:14:55+08:00", 1072865695, verdict::agrees},
    {"jf-04.json", "2007-04-23T23:25:47.538+10:00", 1177334747, verdict::agrees},
    {"mi-01-rss-rfc822.xml", "Thu, 01 Jan 2004 19:48:21 GMT", 1072986501, verdict::agrees},
    {"mi-02-atom-rfc3339.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"mi-03-rss-with-invalid.xml", "Sun, 16 zzz 2012 11:47:32 GMT",
        std::nullopt, verdict::refused_by_both},
    {"mi-04-rdf-zone-order.xml", "2003-12-31T18:14:55+08:00", 1072865695, verdict::agrees},
    {"mi-05-rss-zoneless-mix.xml", "2003-12-31T10:14:55-08:00", 1072894495, verdict::agrees},
    {"mi-06-json-rfc3339.json", "2003-02-28T18:14:55-08:00", 1046484895, verdict::agrees},
    {"rd-01.xml", "2003-12-31T10:14:55Z", 1072865695, verdict::agrees},
    {"rd-02.xml", "2003-12-31T10:14:55-08:00", 1072894495, verdict::agrees},
    {"rd-03.xml", "2003-12-31T18:14:55+08:00", 1072865695, verdict::agrees},
    {"rd-04.xml", "2007-04-23T23:25:47.538+10:00", 1177334747, verdict::agrees},
    // date only: the Beijing day (day precision)
    {"rd-05.xml", "2003-12-31", 1072800000, verdict::beijing_convention},
    {"un-empty.xml", "", std::nullopt, verdict::refused_by_both},
    {"un-rfc822-21.xml", "Sun, 16 Dec 2012 1:2:3:4 GMT", std::nullopt, verdict::refused_by_both},
    {"un-rfc822-22.xml", "Sun, 16 zzz 2012 11:47:32 GMT", std::nullopt, verdict::refused_by_both},
    {"un-rfc822-23.xml", "Sun, Dec x 2012 11:47:32 GMT", std::nullopt, verdict::refused_by_both},
    {"un-rfc822-24.xml", "Sun, 16 Dec zz 11:47:32 GMT", std::nullopt, verdict::refused_by_both},
    {"un-rfc822-25.xml", "Sun, 16 Dec 2012 11:47:32 +zz:00",
        std::nullopt, verdict::refused_by_both},
    {"un-rfc822-26.xml", "Sun, 16 Dec 2012 11:47:32 +00:zz",
        std::nullopt, verdict::refused_by_both},
    {"un-rfc822-27.xml", "Sun, 99 Jun 2009 12:00:00 GMT", std::nullopt, verdict::refused_by_both},
    {"un-rfc822-year10000.xml", "Sun, 31 Dec 9999 23:59:59 -9999",
        std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-12.xml", "9999-12-31T23:59:59-99:99", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-13.xml", "2003-12-31T25:14:55Z", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-14.xml", "2003-12-31T10:61:55Z", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-15.xml", "2003-12-31T10:14:61Z", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-16.xml", "22013", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-17.xml", "013", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-18.xml", "2013-01-27-01", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-19.xml", "2013-01-28T11:30:00-06:00Textra", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-20.xml", "2013-xx-27", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-21.xml", "2013-01-28T09:xx:00Z", std::nullopt, verdict::refused_by_both},
    {"un-w3dtf-22.xml", "2013-01-28T09:00:00+00:xx", std::nullopt, verdict::refused_by_both},
});
// clang-format on

std::filesystem::path cases_dir() {
    return std::filesystem::path(GOVMON_SHARED_DIR) / "corpora/feeddates/cases";
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// The first date value: an RSS/Atom/Dublin Core date element or a JSON Feed date member.
std::optional<std::string> first_date_value(const std::string& content) {
    static const std::regex date_value(
        R"re(<(pubDate|dc:date|published|updated|issued|modified|created|dcterms:[a-z]+)>)re"
        R"re(([^<]*)<|"date_[a-z]+": *"([^"]*)")re");
    std::smatch m;
    if (!std::regex_search(content, m, date_value))
        return std::nullopt;
    return m[2].matched ? m[2].str() : m[3].str();
}

} // namespace

TEST_CASE("the table covers every feeddates corpus file") {
    std::set<std::string> listed;
    for (const auto& c : corpus_cases)
        listed.emplace(c.file);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cases_dir())) {
        ++files;
        INFO("file: ", entry.path().filename().string());
        CHECK(listed.count(entry.path().filename().string()) == 1);
    }
    CHECK(files == corpus_cases.size());
}

TEST_CASE("feeddates corpus date strings under the Beijing convention") {
    std::size_t passed = 0;
    std::size_t dated = 0;
    for (const auto& c : corpus_cases) {
        INFO("file: ", std::string(c.file));
        const auto value = first_date_value(read_file(cases_dir() / std::string(c.file)));
        REQUIRE(value.has_value());
        CHECK(*value == c.value);
        const auto parsed = parse_date(*value, probe_time);
        const std::optional<std::int64_t> instant =
            parsed ? std::optional<std::int64_t>(parsed->instant) : std::nullopt;
        CHECK(instant == c.instant);
        dated += c.instant ? 1 : 0;
        passed += instant == c.instant ? 1 : 0;
    }
    MESSAGE("feeddates corpus: ", passed, " of ", corpus_cases.size(), " files as expected, ",
            dated, " of them dated");
    CHECK(passed == corpus_cases.size());
}

TEST_CASE("feeddates corpus differences from feedparser are few and all listed") {
    std::size_t beijing = 0;
    std::size_t refused = 0;
    for (const auto& c : corpus_cases) {
        beijing += c.kind == verdict::beijing_convention ? 1 : 0;
        refused += c.kind == verdict::refused_by_govmon ? 1 : 0;
    }
    CHECK(beijing == 6);
    CHECK(refused == 8);
}
