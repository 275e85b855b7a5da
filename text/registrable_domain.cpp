#include "text/registrable_domain.hpp"

#include "text/host_names.hpp"

#include <libpsl.h>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

namespace govmon {
namespace {

// Every host below gov.cn and .政务 belongs to one body, named by the label left of the
// suffix: www.wuhan.hubei.gov.cn is Hubei's, and www.gov.cn the State Council's.
std::optional<std::string_view> government_registrable(std::string_view host) {
    for (const std::string_view suffix : government_suffixes) {
        if (host.size() <= suffix.size() || !host_is_under(host, suffix))
            continue;
        const std::string_view owner = host.substr(0, host.size() - suffix.size() - 1);
        const std::size_t dot = owner.rfind('.');
        return host.substr(dot == std::string_view::npos ? 0 : dot + 1);
    }
    return std::nullopt;
}

// The newest of libpsl's built-in list and Debian's publicsuffix package; null only when
// neither is there.
const psl_ctx_t* public_suffix_list() {
    static const psl_ctx_t* const list = []() -> const psl_ctx_t* {
        if (const psl_ctx_t* latest = psl_latest(nullptr))
            return latest;
        return psl_builtin();
    }();
    return list;
}

// Without a list a host's last two labels are the best guess.
std::string_view last_two_labels(std::string_view host) {
    const std::size_t last_dot = host.rfind('.');
    if (last_dot == std::string_view::npos || last_dot == 0)
        return host;
    const std::size_t second_dot = host.rfind('.', last_dot - 1);
    return second_dot == std::string_view::npos ? host : host.substr(second_dot + 1);
}

// Only the ICANN section counts: its private entries (blogspot.com, github.io) are hosting
// companies whose customers govmon has always read as one party with them.
bool is_public_suffix(const psl_ctx_t* list, const char* name) {
    return psl_is_public_suffix2(list, name, PSL_TYPE_ICANN) != 0;
}

std::string_view listed_registrable(const psl_ctx_t* list, std::string_view host) {
    constexpr std::size_t longest_host = 253;
    std::array<char, longest_host + 2> name{};
    if (host.size() > longest_host)
        return last_two_labels(host);
    std::copy(host.begin(), host.end(), name.begin()); // libpsl reads a NUL-terminated string
    std::size_t owner = std::string_view::npos;
    for (std::size_t begin = 0;;) {
        if (is_public_suffix(list, name.data() + begin))
            return owner == std::string_view::npos ? host : host.substr(owner);
        const std::size_t dot = host.find('.', begin);
        if (dot == std::string_view::npos)
            return host;
        owner = begin;
        begin = dot + 1;
    }
}

struct transparent_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

} // namespace

std::string_view registrable_domain(std::string_view host) {
    if (const auto government = government_registrable(host))
        return *government;
    // libpsl takes microseconds a name, and the crawl asks about the same few hosts for every
    // link: each thread remembers where the registrable part of a host starts.
    constexpr std::size_t remembered_hosts = 4096;
    thread_local std::unordered_map<std::string, std::size_t, transparent_hash, std::equal_to<>>
        offsets;
    if (const auto known = offsets.find(host); known != offsets.end())
        return host.substr(known->second);
    const psl_ctx_t* list = public_suffix_list();
    const std::string_view registrable =
        list ? listed_registrable(list, host) : last_two_labels(host);
    if (offsets.size() >= remembered_hosts)
        offsets.clear();
    offsets.emplace(host, host.size() - registrable.size());
    return registrable;
}

} // namespace govmon
