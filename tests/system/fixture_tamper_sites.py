"""A realm of local sites with each tampering and date problem planted once, beside its twin.

One HTTP server on 127.0.0.1 (a port the kernel picks) answers for every host, told apart by the
Host header; govmon reaches them through http.resolve. Sites (host `ID.tamper.gov.cn`):
- casino:    home page title turned into a casino advert            → tampered
- notice:    twin: a notice about 打击赌博 naming the games            → nothing
- cloak:     casino page served to the Baiduspider User-Agent only    → tampered
- analytics: twin: ordinary `document.referrer` analytics code        → nothing
- parked:    a 友情链接 whose domain is now for sale                  → tampered (on the link)
- partner:   twin: a 友情链接 to a live company page                   → nothing
- baseline:  a script host appears after the baseline is learned      → tampered (until accepted)
- steady:    twin: unchanged                                          → nothing
- dates:     a news column with a date contradicting its URL, a future date and (from
             phase 2) an item first listed 60 days after its date     → date_suspect each;
             twins: a 成文日期 days before the URL's date, an 更新 notice re-dated, today.
`phase` moves the realm on: 1 while the baselines are learned, 2 after.
"""
import datetime

from virtual_hosts import VirtualHosts

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
SITES = ("casino", "notice", "cloak", "analytics", "parked", "partner", "baseline", "steady",
         "dates")


def _page(title, body, head=""):
    return (f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


def _day(offset):
    return datetime.datetime.now(BEIJING).date() + datetime.timedelta(days=offset)


def _home_items():
    return "<ul>" + "".join(
        f"<li><a href=/home/art_{i}.html>关于做好第{i}批重点民生实事项目推进工作的通知</a>"
        f"<span>{_day(-(i // 4)).isoformat()}</span></li>" for i in range(12)) + "</ul>"


NAV = '<div class=nav><a href="/">首页</a> <a href="/xwdt/index.html">工作动态</a></div>'
NOTICE = ("为依法严厉打击网络赌博、六合彩、百家乐、赌球等违法犯罪活动，公安机关将开展专项行动，"
          "查处赌场和网上赌博窝点。欢迎群众举报涉赌线索，警方将依法查处。")


def redated_path():
    """The item whose URL was written 270 days before the date it shows."""
    old = _day(-270)
    return f"/xwdt/{old:%Y}/{old:%m%d}/400.html"


def _news_rows(phase):
    """(url, title, displayed date) of the dates site's 工作动态 column."""
    rows = []
    for i in range(8):  # healthy: numbered in order, shown 3 days before the URL's date
        url_day = _day(-2 * i)
        rows.append((f"/xwdt/{url_day:%Y}/{url_day:%m%d}/{500 + 10 - i}.html",
                     f"县政府召开第{i}次常务会议", _day(-2 * i - 3)))
    rows.append((redated_path(), "旧闻换日期重新挂出", _day(-2)))
    upd = _day(-100)
    rows.append((f"/xwdt/{upd:%Y}/{upd:%m%d}/450.html", "关于办事指南的通知（更新）", _day(-1)))
    rows.append(("/xwdt/yugao.html", "提前挂出的会议消息", _day(10)))
    if phase >= 2:
        rows.append(("/xwdt/late/backdated.html", "补录的旧动态", _day(-60)))
    return rows


class _Realm:
    phase = 1
    port = 0

    def ext(self, host, path="/"):
        return f"http://{host}:{self.port}{path}"

    def home(self, site, headers):
        spider = "Baiduspider" in (headers.get("User-Agent") or "")
        title, extra, head = "某某县人民政府", "", ""
        if site == "casino":
            title = "澳门金沙博彩娱乐平台_百家乐官网"
        elif site == "notice":
            extra = f"<h2>关于开展打击赌博违法犯罪专项行动的通告</h2><p>{NOTICE}</p>"
        elif site == "cloak" and spider:
            return _page("澳门新葡京娱乐城-真人视讯", "百家乐 六合彩 注册送彩金")
        elif site == "analytics":
            head = ("<script>var r = document.referrer; if (r.indexOf('baidu') >= 0) "
                    "{ window._from = 'baidu'; }</script>")
        elif site == "parked":
            extra = f"<a href='{self.ext('old-partner.example.com')}'>友情链接：合作单位</a>"
        elif site == "partner":
            extra = f"<a href='{self.ext('partner.example.com')}'>友情链接：合作单位</a>"
        elif site == "baseline" and self.phase >= 2:
            head = f"<script src='{self.ext('js.unknown-cdn.example.com', '/x.js')}'></script>"
        return _page(title, NAV + extra + _home_items(), head)

    def answer(self, host, path, headers):
        if host == "old-partner.example.com":
            return 200, _page("old-partner.example.com",
                              "This domain may be for sale. Buy this domain today!")
        if host == "partner.example.com":
            return 200, _page("某某科技有限公司", "公司简介 产品服务 联系我们")
        if host == "js.unknown-cdn.example.com":
            return 200, "var x = 1;"
        site = host.split(".")[0]
        if site not in SITES or not host.endswith(".tamper.gov.cn"):
            return 404, _page("404", "no such site")
        if path == "/":
            return 200, self.home(site, headers)
        if path == "/xwdt/index.html":
            rows = _news_rows(self.phase) if site == "dates" else [
                (f"/xwdt/art_{i}.html", f"县政府召开第{i}次常务会议", _day(-i)) for i in range(8)]
            return 200, _page("工作动态", NAV + "<ul>" + "".join(
                f"<li><a href={u}>{t}</a><span>{d.isoformat()}</span></li>"
                for u, t, d in rows) + "</ul>")
        if path.endswith(".html") and (path.startswith("/home/") or path.startswith("/xwdt/")):
            return 200, _page("正文", "<h1>正文</h1><p>正文内容。</p>")
        return 404, _page("404", "<h1>404 页面不存在</h1>")


REALM = _Realm()


class TamperRealm:
    EXTERNAL = ("old-partner.example.com", "partner.example.com", "js.unknown-cdn.example.com")

    def __init__(self):
        self.server = VirtualHosts(self._answer)
        REALM.port = self.server.port
        REALM.phase = 1

    @staticmethod
    def _answer(host, path, query, headers):
        status, text = REALM.answer(host, path, headers)
        return status, "text/html", text

    def sites(self):
        """(id, host, url) of every site."""
        return [(s, f"{s}.tamper.gov.cn", f"http://{s}.tamper.gov.cn:{REALM.port}/")
                for s in SITES]

    def hosts(self):
        return [host for _, host, _ in self.sites()] + list(self.EXTERNAL)

    def url(self, site, path):
        return f"http://{site}.tamper.gov.cn:{REALM.port}{path}"

    def ext_url(self, host, path="/"):
        return REALM.ext(host, path)

    def set_phase(self, phase):
        REALM.phase = phase

    def stop(self):
        self.server.stop()
