#include "daemon/alerts/smtp_sender.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace govmon {
namespace {

struct upload {
    const std::string& message;
    std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* u = static_cast<upload*>(user);
    const std::size_t n = std::min(size * count, u->message.size() - u->offset);
    std::memcpy(buffer, u->message.data() + u->offset, n);
    u->offset += n;
    return n;
}

int abort_on_stop(void* user, curl_off_t, curl_off_t, curl_off_t upload_total,
                  curl_off_t uploaded) {
    const bool uploaded_whole = upload_total > 0 && uploaded >= upload_total;
    return static_cast<const std::atomic<bool>*>(user)->load() && !uploaded_whole ? 1 : 0;
}

void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool is_unreachable(CURLcode rc) {
    return rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_CONNECT ||
           rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_SSL_CONNECT_ERROR ||
           rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_USE_SSL_FAILED ||
           rc == CURLE_LOGIN_DENIED;
}

struct curl_deleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct slist_deleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

} // namespace

smtp_result send_mail(const smtp_settings& settings, const std::string& from,
                      const std::vector<std::string>& recipients, const std::string& message,
                      const std::atomic<bool>& stop) {
    init_curl_once();
    std::unique_ptr<CURL, curl_deleter> curl{curl_easy_init()};
    if (!curl)
        return {false, false, false, "libcurl could not start a transfer"};
    std::unique_ptr<curl_slist, slist_deleter> rcpt;
    for (const std::string& r : recipients)
        rcpt.reset(curl_slist_append(rcpt.release(), ("<" + r + ">").c_str()));
    upload body{message};
    char error[CURL_ERROR_SIZE] = {};
    const std::string mail_from = "<" + from + ">";
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, settings.url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(c, CURLOPT_READDATA, &body);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    // smtp:// upgrades with STARTTLS whenever the server offers it, and must when there is a
    // password to send; smtps:// is TLS throughout.
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     static_cast<long>(settings.user.empty() ? CURLUSESSL_TRY : CURLUSESSL_ALL));
    if (!settings.ca_file.empty())
        curl_easy_setopt(c, CURLOPT_CAINFO, settings.ca_file.c_str());
    if (!settings.user.empty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                     static_cast<long>(settings.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(settings.timeout.count()));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, abort_on_stop);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &stop);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK)
        return {true, false, false, ""};
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return {false, false, true, "stopped"};
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    std::string why = error[0] ? error : curl_easy_strerror(rc);
    if (reply > 0)
        why += " (SMTP " + std::to_string(reply) + ")";
    return {false, is_unreachable(rc), false, why};
}

} // namespace govmon
