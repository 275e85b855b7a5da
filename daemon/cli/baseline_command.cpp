#include "daemon/cli/commands.hpp"
#include "daemon/runtime/daemon.hpp"
#include "daemon/store/store.hpp"

#include <algorithm>
#include <iostream>

namespace govmon {

// `govmon baseline accept --site ID`: the operator's word that the site's key pages as last
// crawled are as they should be (a redesign, a new statistics script), so that the next crawl
// compares with them and the `tampered` findings their baseline raised resolve.
int baseline_command(const arguments& args) {
    const auto action = args.value("");
    const auto site = args.value("site");
    if (action != "accept" || !site) {
        std::cerr << "govmon baseline: usage: govmon baseline accept --site ID\n";
        return exit_usage;
    }
    auto cfg = load_for_reading(args);
    if (!cfg)
        return exit_bad_config;
    const bool known = std::any_of(cfg->sites.begin(), cfg->sites.end(),
                                   [&](const site_config& s) { return s.id == *site; });
    if (!known) {
        std::cerr << "govmon baseline: no site '" << *site << "' in " << cfg->path << '\n';
        return exit_usage;
    }
    try {
        auto db = store::open(cfg->database);
        const int pages = db->accept_baselines(*site);
        std::cout << "accepted the baseline of " << pages << (pages == 1 ? " page" : " pages")
                  << " of " << *site << " as last crawled\n";
    } catch (const store_error& e) {
        std::cerr << "govmon baseline: " << e.what() << '\n';
        return exit_cycle_failed;
    }
    return exit_ok;
}

} // namespace govmon
