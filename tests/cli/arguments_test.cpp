#include "daemon/cli/arguments.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace govmon;

TEST_CASE("commands, values, switches and --flag=value") {
    auto args = parse_arguments({"export", "--from", "2026-07-01", "--to=2026-10-01", "--all"},
                                {"all", "once"});
    CHECK(args.error.empty());
    CHECK(args.command == "export");
    CHECK(args.value("from") == "2026-07-01");
    CHECK(args.value("to") == "2026-10-01");
    CHECK(args.has("all"));
    CHECK_FALSE(args.has("once"));
    CHECK_FALSE(args.value("format"));
}

TEST_CASE("a flag without its value is an error") {
    auto args = parse_arguments({"findings", "--format"}, {});
    CHECK(args.error == "option --format needs a value");
}

TEST_CASE("the config path: flag, then environment") {
    CHECK(config_path_of(parse_arguments({"run", "--config", "a.yaml"}, {})) == "a.yaml");
    ::setenv("GOVMON_CONFIG", "/tmp/from-env.yaml", 1);
    CHECK(config_path_of(parse_arguments({"run"}, {})) == "/tmp/from-env.yaml");
    ::unsetenv("GOVMON_CONFIG");
}
