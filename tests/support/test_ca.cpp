#include "tests/support/test_ca.hpp"

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace govmon::test {

namespace {

[[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string{"test_ca: "} + what);
}

void check(int rc, const char* what) {
    if (rc <= 0)
        fail(what);
}

EVP_PKEY* new_key() {
    // P-256: key generation is instant, unlike RSA.
    EVP_PKEY* key = EVP_EC_gen("P-256");
    if (key == nullptr)
        fail("EVP_EC_gen");
    return key;
}

void add_ext(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (ext == nullptr)
        fail("X509V3_EXT_conf_nid");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

X509* make_cert(EVP_PKEY* key, const std::string& cn, X509* issuer, EVP_PKEY* issuer_key,
                std::chrono::seconds not_before, std::chrono::seconds not_after) {
    X509* cert = X509_new();
    check(X509_set_version(cert, 2), "X509_set_version");
    unsigned char serial_bytes[8];
    check(RAND_bytes(serial_bytes, sizeof serial_bytes), "RAND_bytes");
    serial_bytes[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial_bytes, sizeof serial_bytes, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert), static_cast<long>(not_before.count()));
    X509_gmtime_adj(X509_getm_notAfter(cert), static_cast<long>(not_after.count()));
    check(X509_set_pubkey(cert, key), "X509_set_pubkey");
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("govmon test"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer) : name);
    (void)issuer_key;
    return cert;
}

void write_pem(const std::string& path, X509* cert, EVP_PKEY* key) {
    FILE* f = std::fopen(path.c_str(), "w");
    if (f == nullptr)
        fail("fopen");
    int rc = cert != nullptr ? PEM_write_X509(f, cert)
                             : PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(f);
    check(rc, "PEM_write");
}

std::int64_t epoch_of(const ASN1_TIME* t) {
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> epoch{ASN1_TIME_set(nullptr, 0),
                                                                &ASN1_TIME_free};
    int days = 0, secs = 0;
    check(ASN1_TIME_diff(&days, &secs, epoch.get(), t), "ASN1_TIME_diff");
    return std::int64_t{days} * 86400 + secs;
}

} // namespace

test_ca::test_ca() {
    std::string pattern = (std::filesystem::temp_directory_path() / "govmon-ca-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        fail("mkdtemp");
    dir_ = pattern;
    auto* key = new_key();
    auto* cert = make_cert(key, "govmon test CA", nullptr, key, std::chrono::seconds{-86400},
                           std::chrono::seconds{365 * 86400});
    add_ext(cert, cert, NID_basic_constraints, "critical,CA:TRUE");
    add_ext(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    add_ext(cert, cert, NID_subject_key_identifier, "hash");
    check(X509_sign(cert, key, EVP_sha256()), "X509_sign");
    ca_key_ = key;
    ca_cert_ = cert;
    ca_file_ = dir_ + "/ca.pem";
    write_pem(ca_file_, cert, nullptr);
}

test_ca::~test_ca() {
    X509_free(static_cast<X509*>(ca_cert_));
    EVP_PKEY_free(static_cast<EVP_PKEY*>(ca_key_));
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

issued_cert test_ca::issue(const std::string& name, const cert_spec& spec) {
    auto* ca_cert = static_cast<X509*>(ca_cert_);
    auto* ca_key = static_cast<EVP_PKEY*>(ca_key_);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{new_key(), &EVP_PKEY_free};
    X509* issuer = spec.self_signed ? nullptr : ca_cert;
    std::unique_ptr<X509, decltype(&X509_free)> cert{
        make_cert(key.get(), spec.common_name, issuer, nullptr, spec.not_before, spec.not_after),
        &X509_free};
    std::string san;
    for (const auto& d : spec.dns_names)
        san += (san.empty() ? "DNS:" : ",DNS:") + d;
    for (const auto& ip : spec.ip_addresses)
        san += (san.empty() ? "IP:" : ",IP:") + ip;
    X509* ext_issuer = spec.self_signed ? cert.get() : ca_cert;
    add_ext(cert.get(), ext_issuer, NID_basic_constraints, "CA:FALSE");
    if (!san.empty())
        add_ext(cert.get(), ext_issuer, NID_subject_alt_name, san);
    add_ext(cert.get(), ext_issuer, NID_ext_key_usage, "serverAuth");
    check(X509_sign(cert.get(), spec.self_signed ? key.get() : ca_key, EVP_sha256()), "X509_sign");
    issued_cert out;
    out.cert_file = dir_ + "/" + name + ".pem";
    out.key_file = dir_ + "/" + name + ".key";
    write_pem(out.cert_file, cert.get(), nullptr);
    write_pem(out.key_file, nullptr, key.get());
    out.not_after = epoch_of(X509_get0_notAfter(cert.get()));
    return out;
}

} // namespace govmon::test
