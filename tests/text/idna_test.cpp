#include "text/idna.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

using govmon::host_to_ascii;

namespace {

std::string ascii(std::string_view host) {
    return host_to_ascii(host).value_or("<nullopt>");
}

} // namespace

// Cases from WHATWG's web-platform-tests url/resources/IdnaTestV2.json (generated from Unicode's
// IdnaTestV2.txt, UTS #46 non-transitional, STD3 rules off as in browsers), commit 0bcda0b0 of
// github.com/web-platform-tests/wpt; an output of null there is nullopt here.
TEST_CASE("host_to_ascii follows UTS #46 non-transitional processing (IdnaTestV2)") {
    CHECK(ascii("fa\u00df.de") == "xn--fa-hia.de");
    CHECK(ascii("Fa\u00df.de") == "xn--fa-hia.de");
    CHECK(ascii("B\u00fccher.de") == "xn--bcher-kva.de");
    CHECK(ascii("Bu\u0308cher.de") == "xn--bcher-kva.de");
    CHECK(ascii("B\u00dcCHER.DE") == "xn--bcher-kva.de");
    CHECK(ascii("\u00d6BB") == "xn--bb-eka");
    CHECK(ascii("\u03b2\u03cc\u03bb\u03bf\u03c2.com") == "xn--nxasmm1c.com");
    CHECK(ascii("\u0392\u038c\u039b\u039f\u03a3.COM") == "xn--nxasmq6b.com");
    CHECK(ascii("www.\u0dc1\u0dca\u200d\u0dbb\u0dd3.com") == "www.xn--10cl1a0b660p.com");
    CHECK(ascii("\u0646\u0627\u0645\u0647\u200c\u0627\u06cc.com") == "xn--mgba3gch31f060k.com");
    CHECK(ascii("a.b\uff0ec\u3002d\uff61") == "a.b.c.d.");
    CHECK(ascii("A.B\uff0eC\u3002D\uff61") == "a.b.c.d.");
    CHECK(ascii("\u65e5\u672c\u8a9e\u3002\uff2a\uff30") == "xn--wgv71a119e.jp");
    CHECK(ascii("\u00fc.xn--tda") == "xn--tda.xn--tda");
    CHECK(ascii("a\u2488com") == "<nullopt>"); // P1; V6: a disallowed character
    CHECK(ascii("A\u2488COM") == "<nullopt>");
    CHECK(ascii("xn--a-\u00c4.pt") == "<nullopt>"); // P4: punycode prefix on a Unicode label
}

// Where libidn2 is stricter than that data: it applies IDNA2008's DISALLOWED set on top of the
// UTS #46 mapping, so symbols browsers accept (IdnaTestV2: "\u2615" → "xn--53h", "\u00a1" →
// "xn--7a") are refused. A link to such a host is left unchecked, never reported broken.
TEST_CASE("host_to_ascii refuses the symbols IDNA2008 disallows") {
    CHECK(ascii("\u2615") == "<nullopt>");
    CHECK(ascii("\u00a1.example") == "<nullopt>");
}

TEST_CASE("host_to_ascii turns Chinese government hosts into their registered form") {
    CHECK(ascii("中国政府网.政务") == "xn--fiqs8sirgfmhq98a.xn--zfr164b");
    CHECK(ascii("中国政府网。政务") == "xn--fiqs8sirgfmhq98a.xn--zfr164b");
    CHECK(ascii("ｗｗｗ．gov.cn") == "www.gov.cn");
    // RFC 3492 §7.1 samples (B) and (L), as whole labels.
    CHECK(ascii("他们为什么不说中文") == "xn--ihqwcrb4cv8a8dqg056pqjye");
    CHECK(ascii("3年B組金八先生") == "xn--3b-ww4c5e180e575a65lsy2b");
}

TEST_CASE("host_to_ascii leaves ASCII hosts as they are, underscores included") {
    CHECK(ascii("www.hubei.gov.cn") == "www.hubei.gov.cn");
    CHECK(ascii("zw_gk.example.gov.cn") == "zw_gk.example.gov.cn");
    CHECK(ascii("a_b.bücher.example") == "a_b.xn--bcher-kva.example");
    CHECK(ascii("") == "");
}
