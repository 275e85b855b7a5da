#include "finding_id.hpp"

#include <openssl/evp.h>

#include <array>

namespace govmon {

std::string finding_id(std::string_view target, finding_kind kind, std::string_view url) {
    const std::string_view name = name_of(kind);
    // A separator that cannot occur in ids or kinds keeps ("a", "bc") apart from ("ab", "c").
    std::string input;
    input.reserve(target.size() + name.size() + url.size() + 2);
    input.append(target).push_back('\x1f');
    input.append(name).push_back('\x1f');
    input.append(url);

    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha256(), nullptr);

    static constexpr char hex[] = "0123456789abcdef";
    std::string id;
    for (unsigned int i = 0; i < 16 && i < length; ++i) {
        id.push_back(hex[digest[i] >> 4]);
        id.push_back(hex[digest[i] & 0xf]);
    }
    return id;
}

} // namespace govmon
