#include "quarter_summary.hpp"

#include "daemon/report/deduction_score.hpp"
#include "daemon/report/finding_state.hpp"
#include "daemon/report/repeat_offences.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace govmon {

std::optional<double> fraction::percent() const {
    if (whole == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<std::int64_t> longest_gap(const std::vector<std::int64_t>& sorted_updates,
                                        std::int64_t last_check) {
    if (sorted_updates.empty())
        return std::nullopt;
    std::int64_t gap = std::max<std::int64_t>(0, last_check - sorted_updates.back());
    for (std::size_t i = 1; i < sorted_updates.size(); ++i)
        gap = std::max(gap, sorted_updates[i] - sorted_updates[i - 1]);
    return gap;
}

namespace {

using findings_by_target = std::map<std::string, std::vector<const finding_history*>>;

// What one target looked like at a quarter's end.
struct judgement {
    bool checked = false;
    bool vetoed = false;
    int score_tenths = full_score_tenths;
    std::int64_t broken_home = 0;
    std::int64_t broken_elsewhere = 0;
    std::vector<problem> problems; // veto and deduct

    bool passed(const std::string& kind) const {
        return !vetoed && (kind != "site" || score_tenths >= passing_score_tenths);
    }
};

bool counts_as_problem(finding_severity severity) {
    return severity == finding_severity::veto || severity == finding_severity::deduct;
}

problem problem_of(const finding& f, const finding_state& state, const report_context& context) {
    problem p{f.kind,           state.severity,       f.url,       f.source, f.detail,
              state.open_since, state.severity_since, std::nullopt};
    if (context.rectification) {
        finding then = f;
        then.severity = state.severity;
        p.due = context.rectification->due_of(then, state.severity_since);
    }
    return p;
}

judgement judge(const report_target& target, const std::map<std::string, observation_tally>& tally,
                const findings_by_target& findings, std::int64_t instant,
                const report_context& context) {
    judgement j;
    const auto observed = tally.find(target.id);
    j.checked = observed != tally.end() && observed->second.observations > 0;
    int deductions = 0;
    const auto own = findings.find(target.id);
    if (own != findings.end()) {
        for (const finding_history* h : own->second) {
            const auto state = state_before(*h, instant);
            if (!state || !counts_as_problem(state->severity))
                continue;
            const finding& f = h->current;
            j.vetoed = j.vetoed || state->severity == finding_severity::veto;
            deductions += deduction_tenths(f, state->severity, target.url);
            if (f.kind == finding_kind::broken_link)
                ++(is_home_page_link(f, target.url) ? j.broken_home : j.broken_elsewhere);
            j.problems.push_back(problem_of(f, *state, context));
        }
    }
    j.score_tenths = std::max(0, full_score_tenths - deductions);
    std::stable_sort(j.problems.begin(), j.problems.end(), [](const problem& a, const problem& b) {
        return (a.severity == finding_severity::veto) > (b.severity == finding_severity::veto);
    });
    return j;
}

bool in_population(const report_target& t, const std::map<std::string, observation_tally>& tally) {
    const auto observed = tally.find(t.id);
    return t.active || (observed != tally.end() && observed->second.observations > 0);
}

std::string group_of(const report_target& t, const report_context& context) {
    if (t.kind != "site")
        return t.platform;
    const auto level = context.site_levels.find(t.id);
    return level == context.site_levels.end() || level->second.empty() ? "未分级" : level->second;
}

// Levels from the top down, platforms in the contract's order; anything else after them.
int group_rank(const std::string& name) {
    static constexpr std::array<const char*, 15> order{
        "省级",    "市级",     "县级",     "其他",      "web", "weibo", "wechat", "douyin",
        "toutiao", "kuaishou", "bilibili", "baijiahao", "app", "feed",  "未分级"};
    const auto it = std::find(order.begin(), order.end(), name);
    return static_cast<int>(it - order.begin());
}

target_heading heading_of(const report_target& t, const report_context& context) {
    const auto unit = context.unit_names.find(t.unit);
    return {t.id,
            t.kind,
            t.name,
            unit == context.unit_names.end() ? t.unit : unit->second,
            group_of(t, context),
            t.url};
}

void count_verdict(verdict_counts& counts, const judgement& j, const std::string& kind) {
    if (!j.checked)
        return;
    ++counts.checked;
    ++(j.passed(kind) ? counts.passed : counts.failed);
}

class summarizer {
public:
    summarizer(const report_rows& rows, const report_context& context)
        : rows_(rows), context_(context) {
        for (const finding_history& h : rows.findings)
            findings_[h.current.target].push_back(&h);
    }

    quarter_summary run() {
        quarter_summary s;
        s.context = context_;
        for (const report_target& t : rows_.targets) {
            if (t.kind != "site" && t.kind != "account")
                continue;
            side_summary& side = t.kind == "site" ? s.sites : s.accounts;
            add_previous(side, t);
            if (in_population(t, rows_.quarter))
                add_current(s, side, t);
        }
        for (side_summary* side : {&s.sites, &s.accounts})
            finish(*side);
        add_recheck(s);
        add_repeats(s);
        return s;
    }

private:
    void add_previous(side_summary& side, const report_target& t) {
        if (!in_population(t, rows_.previous))
            return;
        count_verdict(side.previous,
                      judge(t, rows_.previous, findings_, context_.previous.to, context_), t.kind);
    }

    void add_current(quarter_summary& s, side_summary& side, const report_target& t) {
        const judgement j = judge(t, rows_.quarter, findings_, context_.quarter.to, context_);
        const target_heading heading = heading_of(t, context_);
        ++side.checked.whole;
        side.checked.part += j.checked ? 1 : 0;
        count_verdict(side.verdicts, j, t.kind);
        group_row& group = group_named(side, heading.group);
        ++group.population;
        count_verdict(group.verdicts, j, t.kind);
        if (j.checked && !j.problems.empty())
            count_problem_kinds(side, j);
        if (j.checked && !j.passed(t.kind))
            side.failing.push_back({heading, j.vetoed,
                                    t.kind == "site" ? std::optional{j.score_tenths} : std::nullopt,
                                    j.problems});
        if (t.kind == "site")
            s.site_rows.push_back(site_row(t, heading, j));
    }

    site_figures site_row(const report_target& t, const target_heading& heading,
                          const judgement& j) const {
        site_figures row;
        row.target = heading;
        row.checked = j.checked;
        if (const auto tally = rows_.quarter.find(t.id); tally != rows_.quarter.end()) {
            const observation_tally& o = tally->second;
            row.availability = {o.availability_ok, o.availability_probes};
            if (!o.updates.empty())
                row.newest_update = o.updates.back();
            row.longest_gap_seconds = longest_gap(o.updates, o.last_check);
        }
        row.broken_home = j.broken_home;
        row.broken_elsewhere = j.broken_elsewhere;
        row.score_tenths = j.score_tenths;
        row.vetoed = j.vetoed;
        row.passed = j.checked && j.passed("site");
        return row;
    }

    static group_row& group_named(side_summary& side, const std::string& name) {
        for (group_row& g : side.groups)
            if (g.name == name)
                return g;
        side.groups.push_back({name, 0, {}});
        return side.groups.back();
    }

    void count_problem_kinds(side_summary& side, const judgement& j) {
        ++side.problem_targets;
        std::vector<finding_kind> kinds;
        for (const problem& p : j.problems)
            if (std::find(kinds.begin(), kinds.end(), p.kind) == kinds.end())
                kinds.push_back(p.kind);
        for (const finding_kind kind : kinds) {
            auto it = std::find_if(side.problem_types.begin(), side.problem_types.end(),
                                   [&](const problem_share& p) { return p.kind == kind; });
            if (it == side.problem_types.end())
                it = side.problem_types.insert(side.problem_types.end(), {kind, {}});
            ++it->share.part;
        }
    }

    static void finish(side_summary& side) {
        for (problem_share& p : side.problem_types)
            p.share.whole = side.problem_targets;
        std::stable_sort(side.problem_types.begin(), side.problem_types.end(),
                         [](const problem_share& a, const problem_share& b) {
                             return a.share.part != b.share.part
                                        ? a.share.part > b.share.part
                                        : name_of(a.kind) < name_of(b.kind);
                         });
        std::stable_sort(side.groups.begin(), side.groups.end(),
                         [](const group_row& a, const group_row& b) {
                             return group_rank(a.name) != group_rank(b.name)
                                        ? group_rank(a.name) < group_rank(b.name)
                                        : a.name < b.name;
                         });
        const auto now = side.verdicts.pass_rate().percent();
        const auto before = side.previous.pass_rate().percent();
        if (now && before)
            side.change_points = *now - *before;
    }

    void add_recheck(quarter_summary& s) {
        std::map<std::string, const report_target*> targets;
        for (const report_target& t : rows_.targets)
            targets.emplace(t.id, &t);
        for (const finding_history& h : rows_.findings) {
            const auto then = state_before(h, context_.previous.to);
            if (!then || !counts_as_problem(then->severity))
                continue;
            const finding& f = h.current;
            const auto known = targets.find(f.target);
            const report_target fallback{f.target, f.target_kind, f.target, "", f.unit, "", false};
            recheck_item item{
                heading_of(known == targets.end() ? fallback : *known->second, context_),
                problem_of(f, *then, context_), false, std::nullopt};
            if (!state_before(h, context_.quarter.to)) {
                item.fixed = true;
                item.fixed_at = resolved_between(h, context_.previous.to, context_.quarter.to);
            }
            s.recheck_fixed += item.fixed ? 1 : 0;
            s.recheck.push_back(std::move(item));
        }
        std::stable_sort(s.recheck.begin(), s.recheck.end(),
                         [](const recheck_item& a, const recheck_item& b) {
                             return std::tie(a.target.kind, a.target.id, a.was.kind, a.was.url) <
                                    std::tie(b.target.kind, b.target.id, b.was.kind, b.was.url);
                         });
    }

    void add_repeats(quarter_summary& s) const {
        std::map<std::string, const report_target*> targets;
        for (const report_target& t : rows_.targets)
            targets.emplace(t.id, &t);
        std::string last_target;
        for (const repeat_key& r :
             find_repeat_offences(rows_.findings, context_.quarter, context_.previous)) {
            const auto known = targets.find(r.target);
            const report_target fallback{r.target, r.target_kind, r.target, "", r.unit, "", false};
            s.repeats.push_back(
                {heading_of(known == targets.end() ? fallback : *known->second, context_), r.kind,
                 r.previous_quarter, r.reopened});
            if (r.target != last_target)
                ++s.repeat_targets;
            last_target = r.target;
        }
    }

    const report_rows& rows_;
    const report_context& context_;
    findings_by_target findings_;
};

} // namespace

quarter_summary summarize_quarter(const report_rows& rows, const report_context& context) {
    return summarizer{rows, context}.run();
}

} // namespace govmon
