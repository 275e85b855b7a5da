#include "probes/http/tls_certificate.hpp"

#include <openssl/asn1.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <ctime>

namespace govmon::http {

std::optional<std::int64_t> asn1_time_to_epoch(const asn1_string_st* time) {
    std::tm tm{};
    if (time == nullptr || ASN1_TIME_to_tm(time, &tm) != 1)
        return std::nullopt;
    return static_cast<std::int64_t>(timegm(&tm));
}

std::optional<std::int64_t> certificate_not_after(const x509_st* cert) {
    if (cert == nullptr)
        return std::nullopt;
    return asn1_time_to_epoch(X509_get0_notAfter(cert));
}

std::string verify_error_text(long code) {
    const char* text = X509_verify_cert_error_string(code);
    return text != nullptr ? text : "certificate verification failed";
}

} // namespace govmon::http
