#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// Date text rewritten so the parsers only ever see ASCII digits and punctuation: full-width
// digits and `：－／．＋（）［］` become ASCII, ideographic and no-break spaces become ' ', and
// Chinese numerals directly before 年/月/日/号 become digits (二〇二六年十一月二日 →
// 2026年11月2日). Everything else is copied byte for byte.
struct normalized_text {
    std::string text;
    // source_offset[i] is where text[i] came from in the original; one extra entry maps
    // text.size() to the original's size, so any [begin, end) range maps back.
    std::vector<std::size_t> source_offset;
};

normalized_text normalize_date_text(std::string_view original);

} // namespace govmon
