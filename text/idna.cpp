#include "text/idna.hpp"

#include <idn2.h>

#include <algorithm>
#include <cstdint>
#include <memory>

namespace govmon {
namespace {

struct idn2_deleter {
    void operator()(char* text) const noexcept { idn2_free(text); }
};

} // namespace

std::optional<std::string> host_to_ascii(std::string_view host) {
    if (std::all_of(host.begin(), host.end(), [](unsigned char c) { return c < 0x80; }))
        return std::string{host};
    const std::string input{host}; // libidn2 reads a NUL-terminated string
    char* output = nullptr;
    const int rc = idn2_lookup_u8(reinterpret_cast<const std::uint8_t*>(input.c_str()),
                                  reinterpret_cast<std::uint8_t**>(&output), IDN2_NONTRANSITIONAL);
    const std::unique_ptr<char, idn2_deleter> owned{output};
    if (rc != IDN2_OK || !owned)
        return std::nullopt;
    return std::string{owned.get()};
}

} // namespace govmon
