#pragma once

#include "probes/dates/parsed_date.hpp"

#include <libxml/tree.h>

#include <cstdint>
#include <optional>

namespace govmon {

// The publish date of a page read as an article, from what the CMS and the reader see, in this
// order of trust: <meta name|property="PubDate"|"publishdate"|"ArticleTime"|
// "firstpublishedtime"|"og:release_date"|"article:published_time"|…> (TRS, Hanweb and most
// government CMSs write one), JSON-LD "datePublished", the first 发布时间：/ 发布日期：/
// 成文日期：/ 发文日期： label followed by a date, a 时间： label just under the <h1>, a byline's
// unlabeled date beside its 来源：/作者： entry, an element whose class or id says it holds the
// publish time (class="pubDate", id="pubTime", fbsj). Nothing for a page that states none.
std::optional<parsed_date> find_article_date(const xmlDoc* doc, std::int64_t now);

} // namespace govmon
