#include "daemon/config/trusted_endpoints.hpp"

#include <doctest/doctest.h>

using govmon::config;
using govmon::trusted_endpoints;

TEST_CASE("trusted_endpoints: every endpoint the config names, as host:port") {
    config cfg;
    cfg.sites.push_back({});
    cfg.sites.back().url = "https://www.hubei.gov.cn/";
    cfg.sites.push_back({});
    cfg.sites.back().url = "http://10.1.2.3:8080/portal/";
    cfg.accounts.push_back({});
    cfg.accounts.back().feed = "http://127.0.0.1:1200/wechat/ce/595a5b14d7164e53908f1606";
    cfg.accounts.push_back({});
    cfg.accounts.back().url = "https://[::1]/app/download";
    cfg.bridges.rsshub = "http://127.0.0.1:1200";
    cfg.platforms["weibo"].api = "https://m.weibo.cn";
    cfg.alerts.smtp_url = "smtp://mail.example.gov.cn";
    CHECK(trusted_endpoints(cfg) ==
          std::vector<std::string>{"10.1.2.3:8080", "127.0.0.1:1200", "[::1]:443", "m.weibo.cn:443",
                                   "mail.example.gov.cn:25", "www.hubei.gov.cn:443"});
}

TEST_CASE("trusted_endpoints: smtps defaults to 465; empty and unusable values add nothing") {
    config cfg;
    cfg.alerts.smtp_url = "smtps://MAIL.example.gov.cn";
    cfg.bridges.rsshub = "";
    cfg.platforms["douyin"].api = "not a url";
    CHECK(trusted_endpoints(cfg) == std::vector<std::string>{"mail.example.gov.cn:465"});
}
