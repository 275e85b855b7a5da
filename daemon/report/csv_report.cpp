#include "daemon/common/csv_field.hpp"
#include "daemon/report/report_text.hpp"
#include "daemon/report/report_writers.hpp"

#include <algorithm>
#include <array>
#include <ostream>
#include <string>

namespace govmon {
namespace {

constexpr std::array<const char*, 18> columns{
    "清单",     "对象类型",         "编号", "名称",     "主办单位", "级别或平台",
    "网址",     "问题类型",         "性质", "问题链接", "所在页面", "证据",
    "发现时间", "当前性质起始时间", "得分", "复核结果", "整改时间", "整改期限"};

using record = std::array<std::string, columns.size()>;

void write_record(std::ostream& out, const record& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i)
            line.push_back(',');
        append_csv_field(line, fields[i]);
    }
    line.append("\r\n");
    out << line;
}

record problem_record(const std::string& list, const target_heading& t, const problem& p) {
    return {list,
            target_kind_label(t.kind),
            t.id,
            t.name,
            t.unit,
            platform_name(t.group),
            t.url,
            kind_label(p.kind),
            severity_name(p.severity),
            p.url,
            p.source,
            p.detail,
            minute_text(p.since),
            minute_text(p.severity_since),
            "",
            "",
            "",
            p.due ? due_text(p) : ""};
}

} // namespace

void write_csv_report(const quarter_summary& s, std::ostream& out) {
    out << "\xEF\xBB\xBF";
    record names;
    std::copy(columns.begin(), columns.end(), names.begin());
    write_record(out, names);
    for (const auto& [kind, side] : sides_of(s)) {
        const std::string list = "不合格" + side_name(kind);
        for (const failing_target& f : side->failing) {
            const std::string score = f.score_tenths ? score_text(*f.score_tenths) : "";
            for (const problem& p : f.problems) {
                record r = problem_record(list, f.target, p);
                r[14] = score;
                write_record(out, r);
            }
        }
    }
    const std::string recheck_list = s.context.previous_name + " 问题复核";
    for (const recheck_item& item : s.recheck) {
        record r = problem_record(recheck_list, item.target, item.was);
        r[15] = item.fixed ? "已整改" : "仍未整改";
        r[16] = item.fixed_at ? minute_text(*item.fixed_at) : "";
        write_record(out, r);
    }
    for (const repeat_offence& repeat : s.repeats) {
        record r{};
        r[0] = "多次被通报";
        r[1] = target_kind_label(repeat.target.kind);
        r[2] = repeat.target.id;
        r[3] = repeat.target.name;
        r[4] = repeat.target.unit;
        r[5] = platform_name(repeat.target.group);
        r[6] = repeat.target.url;
        r[7] = kind_label(repeat.kind);
        r[15] = repeat_text(repeat, s.context);
        write_record(out, r);
    }
}

} // namespace govmon
