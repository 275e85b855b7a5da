#include "daemon/store/store.hpp"
#include "tests/store/store_fixture.hpp"

#include <doctest/doctest.h>

using namespace govmon;
using govmon::test::temp_dir;

namespace {

page_signals signals(std::string title, std::set<std::string> scripts) {
    page_signals s;
    s.url = "https://www.site.gov.cn/";
    s.title = std::move(title);
    s.keywords = "某县,政务公开";
    s.script_hosts = std::move(scripts);
    s.outbound_hosts = {"www.gov.cn"};
    return s;
}

} // namespace

TEST_CASE("a key page's baseline round-trips and accept adopts the page as last crawled") {
    temp_dir dir;
    auto db = store::open(dir.file("g.db"));
    write_batch b;
    b.baselines.push_back({"s1",
                           {signals("某县人民政府", {"hm.baidu.com"}), 3},
                           signals("某县人民政府门户", {"hm.baidu.com", "new.example.com"})});
    db->write(b);
    const auto stored = db->page_baselines_of("s1");
    REQUIRE(stored.size() == 1);
    const page_baseline& before = stored.at("https://www.site.gov.cn/");
    CHECK(before.crawls == 3);
    CHECK(before.signals.title == "某县人民政府");
    CHECK(before.signals.keywords == "某县,政务公开");
    CHECK(before.signals.script_hosts == std::set<std::string>{"hm.baidu.com"});
    CHECK(before.signals.outbound_hosts == std::set<std::string>{"www.gov.cn"});
    CHECK(db->page_baselines_of("other").empty());

    CHECK(db->accept_baselines("s1") == 1);
    CHECK(db->accept_baselines("other") == 0);
    const auto accepted = db->page_baselines_of("s1");
    const page_baseline& after = accepted.at("https://www.site.gov.cn/");
    CHECK(after.signals.title == "某县人民政府门户");
    CHECK(after.signals.script_hosts == std::set<std::string>{"hm.baidu.com", "new.example.com"});
    CHECK(after.crawls == baseline_learning_crawls);
}

TEST_CASE("an item's first sighting and a list's last reading are kept") {
    temp_dir dir;
    auto db = store::open(dir.file("g.db"));
    write_batch first;
    first.sightings.push_back({"s1", "https://x/a.html", "https://x/xwdt/", 1000, 5000, 4000});
    first.pages_read.push_back({"s1", "https://x/xwdt/", 5000});
    db->write(first);
    write_batch second;
    second.sightings.push_back({"s1", "https://x/a.html", "https://x/xwdt/", 1000, 9000, 8000});
    second.pages_read.push_back({"s1", "https://x/xwdt/", 9000});
    db->write(second);
    const item_history h = db->item_history_of("s1");
    CHECK(h.first_seen.at("https://x/a.html").first_seen == 5000);
    CHECK(h.first_seen.at("https://x/a.html").read_before == 4000);
    CHECK(h.last_read.at("https://x/xwdt/") == 9000);
    CHECK(db->item_history_of("s2").first_seen.empty());
}
