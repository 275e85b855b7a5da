#include "daemon/config/config_loader.hpp"
#include "error_search.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using namespace govmon;

namespace {

const std::string examples_dir = std::string(GOVMON_SOURCE_DIR) + "/examples";

std::string canonical_example(const std::string& name) {
    return fs::weakly_canonical(fs::path(examples_dir) / name).string();
}

// Restores the working directory even when a check throws.
class working_directory {
public:
    explicit working_directory(const fs::path& dir) : saved_(fs::current_path()) {
        fs::current_path(dir);
    }
    ~working_directory() {
        std::error_code ec;
        fs::current_path(saved_, ec);
    }
    working_directory(const working_directory&) = delete;
    working_directory& operator=(const working_directory&) = delete;

private:
    fs::path saved_;
};

} // namespace

TEST_CASE("the example config and registry load without errors") {
    const std::string path = examples_dir + "/govmon.yaml";
    const auto result = load_config(path);
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    const config& cfg = result.cfg;

    CHECK(cfg.path == path);
    CHECK(cfg.timezone == "Asia/Shanghai");
    CHECK(cfg.metrics.listen == "127.0.0.1:9464");
    CHECK(cfg.units.size() == 2);
    REQUIRE(cfg.sites.size() == 2);
    CHECK(cfg.sites[1].id == "hb-portal");
    CHECK(cfg.sites[1].level == "省级");
    REQUIRE(cfg.sites[1].columns.size() == 1);
    CHECK(cfg.sites[1].columns[0].category == "news");
    CHECK(cfg.accounts.size() == 3 + 5); // YAML accounts, then the registry's rows
    CHECK(std::count_if(cfg.accounts.begin(), cfg.accounts.end(),
                        [](const account_config& a) { return !a.active; }) == 1);
    CHECK(cfg.thresholds.unreachable_ratio == doctest::Approx(0.05));
}

TEST_CASE("the example's relative paths are resolved next to the config file") {
    const auto result = load_config(examples_dir + "/govmon.yaml");
    REQUIRE(result.errors.empty());
    CHECK(fs::path(result.cfg.database).is_absolute());
    CHECK(fs::weakly_canonical(result.cfg.database).string() ==
          canonical_example("govmon-example.db"));
    REQUIRE(result.cfg.registry.size() == 1);
    CHECK(fs::weakly_canonical(result.cfg.registry[0]).string() ==
          canonical_example("accounts.csv"));
}

TEST_CASE("the example loads the same when given relative to another working directory") {
    const working_directory cwd(fs::path(GOVMON_SOURCE_DIR) / "daemon");
    const auto result = load_config("../examples/govmon.yaml");
    INFO(test::all_errors(result));
    REQUIRE(result.errors.empty());
    CHECK(result.cfg.path == "../examples/govmon.yaml");
    CHECK(fs::weakly_canonical(result.cfg.database).string() ==
          canonical_example("govmon-example.db"));
    CHECK(result.cfg.accounts.size() == 8);
}

TEST_CASE("the example registry rows keep their CSV file and physical line") {
    const auto result = load_config(examples_dir + "/govmon.yaml");
    REQUIRE(result.errors.empty());
    const account_config* closed = test::find_account(result.cfg, "hb-kuaishou");
    REQUIRE(closed != nullptr);
    CHECK_FALSE(closed->active);
    CHECK(closed->platform == "kuaishou");
    CHECK(closed->where.line == 6);
    CHECK(fs::weakly_canonical(closed->where.file).string() == canonical_example("accounts.csv"));

    const account_config* quoted = test::find_account(result.cfg, "hb-bilibili");
    REQUIRE(quoted != nullptr);
    CHECK(quoted->name == "湖北省人民政府办公厅（政务公开, 政策解读）");
    CHECK(quoted->content == "video");
    CHECK(quoted->where.line == 4);

    const account_config* yaml_account = test::find_account(result.cfg, "hb-weibo");
    REQUIRE(yaml_account != nullptr);
    CHECK(yaml_account->uid == "2418542712");
    CHECK(yaml_account->where.file == examples_dir + "/govmon.yaml");
}
