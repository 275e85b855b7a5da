#pragma once

#include <cstdint>
#include <optional>
#include <string>

// OpenSSL's own type names, so that this header does not drag in <openssl/*.h>.
struct x509_st;
struct asn1_string_st;

namespace govmon::http {

// notAfter of a certificate as UTC epoch seconds; nullopt if OpenSSL cannot convert it.
std::optional<std::int64_t> certificate_not_after(const x509_st* cert);
std::optional<std::int64_t> asn1_time_to_epoch(const asn1_string_st* time);

// OpenSSL's text for an X509_V_ERR_* code: "certificate has expired", "hostname mismatch", ...
std::string verify_error_text(long code);

} // namespace govmon::http
