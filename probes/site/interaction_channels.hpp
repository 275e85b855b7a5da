#pragma once

// The consultation channels (政务咨询, 领导信箱, 留言) a page links to: where the 互动回应 rule of
// the 2019 indicators looks for messages and their answers.

#include "probes/html/link_extract.hpp"
#include "probes/site/interaction_reading.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace govmon {

// Whether a link text or URL path names a consultation channel: 留言, 信箱, 咨询, 互动, 政民,
// 诉求, 来信, 问政, 建言, or a path segment hd, hdjl, zmhd, gzhd, jact, liuyan, wyly (or a
// liuyan.* host) under a short menu label, on `site_host` or a host under it (another site's
// /hd/ is its own business). The channels the rule leaves out are never one: 网上信访, 纪检举报,
// 在线访谈 and 直播, 调查征集 (and 统计 pages of counts).
bool is_interaction_channel(std::string_view text, std::string_view url,
                            std::string_view site_host);

// The page's a/area links to consultation channels, de-duplicated by url, in page order, at
// most `limit`. `page_url` is the page's address (its host is the site's).
std::vector<channel_link> find_interaction_channels(const std::vector<html::page_link>& links,
                                                    std::string_view page_url, std::size_t limit);

} // namespace govmon
