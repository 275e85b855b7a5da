#include "probes/http/fetch_policy.hpp"

#include "probes/http/address_policy.hpp"
#include "probes/http/block_page.hpp"
#include "probes/http/redirect_policy.hpp"
#include "probes/http/retry_policy.hpp"

namespace govmon::http {

namespace {

void add_phases(phase_times& total, const phase_times& hop) {
    total.dns += hop.dns;
    total.connect += hop.connect;
    total.tls += hop.tls;
    total.first_byte += hop.first_byte;
    total.transfer += hop.transfer;
}

} // namespace

hop_result hop_failure(error_class error, std::string detail) {
    hop_result r;
    r.error = error;
    r.detail = std::move(detail);
    return r;
}

void classify_answer(hop_result& hop) {
    if (hop.status < 400)
        return;
    hop.error = error_class::http;
    hop.detail = "HTTP " + std::to_string(hop.status);
    if (auto why = block_reason(hop.status, hop.headers, hop.body)) {
        hop.error = error_class::blocked;
        hop.detail += ": " + *why;
    }
}

bool may_be_private(const url& u, const client_options& options) {
    if (options.allow_private || host_in_list(u.host, options.allow_private_hosts))
        return true;
    auto host = u.ipv6_literal ? "[" + u.host + "]" : u.host;
    return host_in_list(host + ":" + std::to_string(u.port), options.trusted_endpoints);
}

fetch_policy::fetch_policy(request req, const client_options& options)
    : req_(std::move(req)), options_(options) {}

fetch_action fetch_policy::start() {
    return begin_attempt();
}

fetch_action fetch_policy::on_wait_done() {
    return begin_attempt();
}

fetch_action fetch_policy::begin_attempt() {
    resp_ = response{};
    resp_.url = req_.url;
    resp_.attempts = ++attempts_;
    auto parsed = parse_url(req_.url);
    if (!parsed) {
        resp_.error = error_class::parse;
        resp_.error_detail = "invalid URL";
        resp_.final_url = req_.url;
        return end_attempt({});
    }
    current_ = std::move(*parsed);
    method_ = req_.method == "HEAD" ? "HEAD" : "GET";
    visited_ = {current_.str()};
    trusted_start_ = may_be_private(current_, options_);
    first_host_ = current_.host;
    return hop_to(true);
}

fetch_action fetch_policy::hop_to(bool new_attempt) const {
    fetch_action a;
    a.next = fetch_action::type::hop;
    a.target = current_;
    a.method = method_;
    a.new_attempt = new_attempt;
    // A trusted endpoint stays trusted through redirects on its own host (http to https,
    // another port); a redirect that leaves the host meets the guard again.
    a.mode = {req_.visit, may_be_private(current_, options_) ||
                              (trusted_start_ && current_.host == first_host_)};
    return a;
}

fetch_action fetch_policy::on_hop(hop_result hop, std::chrono::system_clock::time_point now) {
    take_answer(std::move(hop));
    if (resp_.error != error_class::none)
        return end_attempt(now);
    return follow_redirect(now);
}

void fetch_policy::take_answer(hop_result hop) {
    add_phases(resp_.phases, hop.phases);
    resp_.final_url = current_.str();
    resp_.status = hop.status;
    resp_.error = hop.error;
    resp_.error_detail = std::move(hop.detail);
    resp_.headers = std::move(hop.headers);
    resp_.body = std::move(hop.body);
    resp_.remote_address = std::move(hop.remote);
    resp_.cert_not_after = current_.scheme == "https" ? hop.cert_not_after : std::nullopt;
}

fetch_action fetch_policy::follow_redirect(std::chrono::system_clock::time_point now) {
    auto decision =
        decide_redirect(current_, method_, resp_.status, resp_.header("Location"), visited_,
                        static_cast<int>(resp_.redirects.size()), options_.max_redirects);
    if (decision.next == redirect_decision::action::done)
        return end_attempt(now);
    if (decision.next == redirect_decision::action::fail) {
        resp_.error = error_class::http;
        resp_.error_detail = std::move(decision.error);
        return end_attempt(now);
    }
    if (decision.downgrade)
        resp_.https_downgrade = true;
    current_ = std::move(decision.target);
    method_ = std::move(decision.method);
    visited_.push_back(current_.str());
    resp_.redirects.push_back(visited_.back());
    return hop_to(false);
}

fetch_action fetch_policy::end_attempt(std::chrono::system_clock::time_point now) {
    retry_input in;
    in.attempts_done = attempts_;
    in.max_retries = req_.visit ? 0 : options_.retries;
    in.error = resp_.error;
    in.status = resp_.status;
    in.backoff = options_.retry_backoff;
    in.max_retry_after = options_.max_retry_after;
    if (resp_.status == 429 || resp_.status == 503)
        if (auto value = resp_.header("Retry-After"))
            in.retry_after = parse_retry_after(*value, now);
    fetch_action a;
    if (auto delay = next_retry_delay(in)) {
        a.next = fetch_action::type::wait;
        a.delay = *delay;
    }
    return a;
}

} // namespace govmon::http
