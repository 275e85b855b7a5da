#include "probes/content/content_rules.hpp"
#include "probes/dates/calendar.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace govmon;

TEST_CASE("a list line gives its type, forms, end date and source; bad lines are reported") {
    const auto list =
        parse_content_rules("# comment\n"
                            "\n"
                            "outdated | 国家旅游局 | 文化和旅游部 | 2018-04-08 | 挂牌\n"
                            "outdated | 国家发展计划委员会 | 国家发展和改革委员会 | 2003-03 | x\n"
                            "misspelt|秸杆|秸秆||\n"
                            "bogus | a | b\n"
                            "outdated | 旧名 | 新名 | 2018-13-01 | bad date\n"
                            "name | | 中华人民 | | too short\n"
                            "wrong | 扫黑险恶 | | | no correct form\n",
                            "local.txt");
    REQUIRE(list.rules.size() == 3);
    CHECK(list.rules[0].type == content_rule_type::outdated);
    CHECK(list.rules[0].form == "国家旅游局");
    CHECK(list.rules[0].correct == "文化和旅游部");
    CHECK(list.rules[0].ended == beijing_day_start(days_from_civil({2018, 4, 8})));
    CHECK(list.rules[0].line == 3);
    CHECK(list.rules[0].list_name == "local.txt");
    // A month: the whole month still counts as before the end.
    CHECK(list.rules[1].ended == beijing_day_start(days_from_civil({2003, 4, 1})));
    CHECK(list.rules[2].type == content_rule_type::misspelt);
    CHECK(list.rules[2].source.empty());
    REQUIRE(list.errors.size() == 4);
    CHECK(list.errors[0].line == 6);
    CHECK(list.errors[0].message.find("unknown type") != std::string::npos);
    CHECK(list.errors[1].line == 7);
    CHECK(list.errors[2].line == 8);
    CHECK(list.errors[3].line == 9);
}

TEST_CASE("the shipped list parses without an error and holds every tier") {
    const auto list = parse_content_rules(shipped_content_rule_text(), shipped_content_rules_name);
    CHECK(list.errors.empty());
    for (const auto type :
         {content_rule_type::serious, content_rule_type::wrong, content_rule_type::outdated,
          content_rule_type::misspelt, content_rule_type::name, content_rule_type::allow})
        CHECK_MESSAGE(std::any_of(list.rules.begin(), list.rules.end(),
                                  [&](const content_rule& r) { return r.type == type; }),
                      to_string(type));
    for (const content_rule& r : list.rules)
        if (r.type != content_rule_type::allow)
            CHECK_MESSAGE(!r.source.empty(), "line " << r.line << " names no source");
}
