#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace govmon::test {

// What a leaf certificate should say. Offsets are from now.
struct cert_spec {
    std::string common_name = "localhost";
    std::vector<std::string> dns_names{"localhost"};
    std::vector<std::string> ip_addresses{"127.0.0.1"};
    std::chrono::seconds not_before{-3600};
    std::chrono::seconds not_after{30 * 86400};
    bool self_signed = false; // signed by its own key instead of the CA
};

struct issued_cert {
    std::string cert_file;      // PEM
    std::string key_file;       // PEM, unencrypted
    std::int64_t not_after = 0; // UTC epoch seconds, read back from the certificate
};

// A throw-away CA made with the OpenSSL API at test time (no openssl binary, no fixtures on
// disk), in a fresh temporary directory that the destructor removes. Throws on OpenSSL errors.
class test_ca {
public:
    test_ca();
    ~test_ca();
    test_ca(const test_ca&) = delete;
    test_ca& operator=(const test_ca&) = delete;

    const std::string& ca_file() const { return ca_file_; }
    const std::string& dir() const { return dir_; }
    issued_cert issue(const std::string& name, const cert_spec& spec);

private:
    std::string dir_;
    std::string ca_file_;
    void* ca_key_ = nullptr;  // EVP_PKEY*
    void* ca_cert_ = nullptr; // X509*
};

} // namespace govmon::test
