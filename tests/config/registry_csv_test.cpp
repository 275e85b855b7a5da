#include "daemon/config/config_loader.hpp"
#include "daemon/config/text_encoding.hpp"
#include "error_search.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace govmon;

namespace {

constexpr std::string_view base_config = "units:\n"
                                         "  - {id: hb-gov-office, name: 湖北省人民政府办公厅}\n"
                                         "accounts:\n"
                                         "  - {id: hb-weibo, name: 湖北发布, platform: weibo, "
                                         "uid: \"2418542712\"}\n"
                                         "registry: [accounts.csv]\n";

constexpr std::string_view utf8_rows = "id,name,platform,unit,status\n"
                                       "hb-douyin,湖北发布,douyin,hb-gov-office,正常\n"
                                       "hb-kuaishou,湖北政务,kuaishou,hb-gov-office,关停\n";

struct registry_fixture {
    test::temp_dir dir;
    std::string csv_path;

    config_load_result load(std::string_view csv_bytes) {
        dir.write("govmon.yaml", base_config);
        csv_path = dir.write("accounts.csv", csv_bytes);
        return load_config((dir.path() / "govmon.yaml").string());
    }
};

void check_two_rows_read(const config_load_result& result) {
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    REQUIRE(result.cfg.accounts.size() == 3);
    const account_config& douyin = result.cfg.accounts[1];
    CHECK(douyin.id == "hb-douyin");
    CHECK(douyin.name == "湖北发布");
    CHECK(douyin.platform == "douyin");
    CHECK(douyin.unit == "hb-gov-office");
    CHECK(douyin.active);
    CHECK(douyin.where.line == 2);
    const account_config& closed = result.cfg.accounts[2];
    CHECK(closed.name == "湖北政务");
    CHECK_FALSE(closed.active);
    CHECK(closed.where.line == 3);
}

} // namespace

TEST_CASE_FIXTURE(registry_fixture, "a UTF-8 registry with a BOM") {
    const auto result = load("\xEF\xBB\xBF" + std::string(utf8_rows));
    check_two_rows_read(result);
    CHECK(result.cfg.accounts[1].where.file == csv_path);
}

TEST_CASE_FIXTURE(registry_fixture, "a UTF-8 registry without a BOM") {
    check_two_rows_read(load(utf8_rows));
}

TEST_CASE_FIXTURE(registry_fixture, "a GBK registry is detected and converted") {
    const auto gbk = utf8_to_gb18030(utf8_rows);
    REQUIRE(gbk.has_value());
    REQUIRE(*gbk != utf8_rows); // really different bytes
    REQUIRE_FALSE(is_valid_utf8(*gbk));
    check_two_rows_read(load(*gbk));
}

TEST_CASE_FIXTURE(registry_fixture,
                  "GBK bytes written literally (湖北发布 = BA FE B1 B1 B7 A2 B2 BC)") {
    const auto result =
        load("id,name,platform\r\nhb-toutiao,\xBA\xFE\xB1\xB1\xB7\xA2\xB2\xBC,toutiao\r\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    REQUIRE(result.cfg.accounts.size() == 2);
    CHECK(result.cfg.accounts[1].name == "湖北发布");
}

TEST_CASE_FIXTURE(registry_fixture, "columns in any order, quoted fields, CRLF and blank lines") {
    const auto result = load("status,unit,feed,content,url,uid,platform,name,id\r\n"
                             "\r\n"
                             "active,hb-gov-office,http://127.0.0.1:1200/wechat/ce/1,text,,,"
                             "wechat,\"湖北发布, 官方\",hb-wechat\r\n"
                             ",,,video,https://www.bilibili.com/,\"12\"\"34\",bilibili,"
                             "\"多行\r\n名称\",hb-bilibili\r\n"
                             ",,,,,,,,\r\n"
                             "closed,,,,,,weibo,已关停微博,hb-old-weibo\r\n");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    REQUIRE(result.cfg.accounts.size() == 4);
    const account_config& wechat = result.cfg.accounts[1];
    CHECK(wechat.id == "hb-wechat");
    CHECK(wechat.name == "湖北发布, 官方");
    CHECK(wechat.feed == "http://127.0.0.1:1200/wechat/ce/1");
    CHECK(wechat.content == "text");
    CHECK(wechat.where.line == 3);
    const account_config& bilibili = result.cfg.accounts[2];
    CHECK(bilibili.uid == "12\"34");
    CHECK(bilibili.name == "多行\n名称");
    CHECK(bilibili.url == "https://www.bilibili.com/");
    CHECK(bilibili.where.line == 4);
    const account_config& closed = result.cfg.accounts[3];
    CHECK_FALSE(closed.active); // a closed weibo needs no uid: it is never probed
    CHECK(closed.where.line == 7);
}

TEST_CASE_FIXTURE(registry_fixture, "bad rows are reported with their physical CSV line") {
    const auto result = load("id,name,platform,unit,status\n"
                             "a1,A,weibo2,,\n"                   // 2
                             "\"a2\",\"two\nlines\",web,,停用\n" // 3 (and 4)
                             "a3,C,web,no-such-unit,\n"          // 5
                             "hb-weibo,D,web,,\n"                // 6
                             "a4,E,web\n"                        // 7
                             "a1,F,web,,\n"                      // 8
                             ",G,web,,\n");                      // 9
    INFO(test::all_errors(result));
    const std::string csv = (dir.path() / "accounts.csv").string();
    CHECK(test::has_error(result, 2, "unknown platform 'weibo2'"));
    CHECK(test::has_error(result, 3, "unknown status '停用'"));
    CHECK(test::has_error(result, 5, "unknown unit 'no-such-unit' in account 'a3'"));
    CHECK(test::has_error(result, 6,
                          "duplicate account id 'hb-weibo' (first used by an account at " +
                              (dir.path() / "govmon.yaml").string() + ":4)"));
    CHECK(test::has_error(result, 7, "row has 3 fields, the header has 5"));
    CHECK(test::has_error(result, 8,
                          "duplicate account id 'a1' (first used by an account at line 2)"));
    CHECK(test::has_error(result, 9, "account has no id"));
    CHECK(result.errors.size() == 7);
    for (const auto& e : result.errors)
        CHECK(e.file == csv);
}

TEST_CASE_FIXTURE(registry_fixture, "header problems") {
    SUBCASE("an unknown column is an error with a suggestion") {
        const auto result = load("id,name,platfrom,unit\na1,A,web,\n");
        INFO(test::all_errors(result));
        CHECK(test::has_error(result, 1, "unknown column 'platfrom' (did you mean 'platform'?)"));
        CHECK(test::has_error(result, 1, "the header has no 'platform' column"));
        CHECK(result.errors.size() == 2);
    }
    SUBCASE("column names are trimmed and case-insensitive") {
        const auto result = load(" ID , Name ,PLATFORM\na1,A,web\n");
        INFO(test::all_errors(result));
        CHECK(result.errors.empty());
        CHECK(result.cfg.accounts.size() == 2);
    }
    SUBCASE("an empty file") {
        const auto result = load("\xEF\xBB\xBF");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("is empty") != std::string::npos);
    }
    SUBCASE("an unterminated quote") {
        const auto result = load("id,name,platform\na1,\"A,web\n");
        INFO(test::all_errors(result));
        CHECK(test::has_error(result, 2, "quoted field is never closed"));
    }
}

TEST_CASE_FIXTURE(registry_fixture, "a file that is neither UTF-8 nor GBK is refused") {
    // 0xFF is not a lead byte in GB18030, and a lone 0x81 at the end is a truncated sequence.
    SUBCASE("invalid bytes on line 2") {
        const auto result = load("id,name,platform\na1,\xFF\xFE\xFD,web\n");
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].line == 2);
        CHECK(result.errors[0].message.find("neither UTF-8 nor GBK") != std::string::npos);
        CHECK(result.cfg.accounts.size() == 1); // only the YAML account
    }
    SUBCASE("UTF-16, as Excel's \"Unicode text\" writes it") {
        const auto result = load(std::string("\xFF\xFEi\0d\0", 6));
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("UTF-16") != std::string::npos);
    }
}

TEST_CASE("registry files listed by several configs: ids are unique across all of them") {
    test::temp_dir dir;
    dir.write("a.csv", "id,name,platform\nx1,A,web\n");
    dir.write("sub/b.csv", "id,name,platform\nx2,B,web\nx1,C,web\n");
    const auto result = load_config(dir.write("govmon.yaml", "registry: [a.csv, sub/b.csv]\n"));
    INFO(test::all_errors(result));
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].file == (dir.path() / "sub/b.csv").string());
    CHECK(result.errors[0].line == 3);
    CHECK(result.errors[0].message.find((dir.path() / "a.csv").string() + ":2") !=
          std::string::npos);
}
