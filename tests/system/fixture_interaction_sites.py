"""A realm of local government sites for the 互动回应 and disclosure checks (issue #13 items 1, 6).

One HTTP server on 127.0.0.1 answers for every site by its Host header. Every site has a fresh
home page, and, unless the problem planted on it removes one, a footer with its 网站标识码 and
ICP 备案号, a link to last year's 政府网站工作年度报表 and a 市长信箱 whose list is a table in the
MinMoreCMS shape (标题 | 状态 | 留言时间 | 答复时间). Sites and what each plants:
- healthy:      every message answered in time (the healthy twin of each problem)
- no-channel:   no consultation channel on the home page
- unanswered:   a message 办理中 for 127 days
- detail:       a jact-like list with only 留言时间; a message's own page says 答复时间：暂无
- detail-ok:    the same list, every message page shows its 答复时间 (twin of detail)
- slow:         the newest reply is 75 days old
- no-report:    no annual report link
- no-code:      the footer shows the ICP number but no 网站标识码
- gone:         the configured channel answers 404
- elsewhere:    no channel on the site; the config says it is on a provincial platform
Dates are days before today in Beijing.
"""
import datetime

from virtual_hosts import VirtualHosts

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
SITES = ("healthy", "no-channel", "unanswered", "detail", "detail-ok", "slow", "no-report",
         "no-code", "gone", "elsewhere")


def today():
    return datetime.datetime.now(BEIJING).date()


def ago(days):
    return (today() - datetime.timedelta(days=days)).isoformat()


def _page(title, body):
    return (f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{title}</title></head>"
            f"<body>{body}</body></html>")


# (title, days since asked, status, days since replied or None)
ANSWERED = [("小区路灯不亮", 20, "已回复", 15), ("学校门口积水", 100, "已回复", 95)]
MESSAGES = {
    "healthy": ANSWERED,
    "unanswered": ANSWERED + [("道路施工噪音扰民", 127, "办理中", None)],
    "slow": [("公交线路调整建议", 80, "已回复", 75)],
}
# The jact-like sites: (id, title, days since asked, days since replied or None)
DETAIL_MESSAGES = {
    "detail": [(1203, "咨询社保转移", 10, 8), (1101, "反映供暖问题", 120, None)],
    "detail-ok": [(1203, "咨询社保转移", 10, 8), (1101, "反映供暖问题", 120, 110)],
}


class _Site:
    def __init__(self, name):
        self.name = name

    def footer(self):
        if self.name == "no-code":
            return "<div class=footer>主办：某某县人民政府办公室 苏ICP备12345678号-1</div>"
        return ("<div class=footer>主办：某某县人民政府办公室 网站标识码：3200000001 "
                "<a href='https://beian.miit.gov.cn'>苏ICP备12345678号-1</a></div>")

    def home(self):
        items = "".join(f"<li><a href=/news/{i}.html>我县召开第{i + 1}次重点项目推进会</a>"
                        f"<span>{ago(i // 4)}</span></li>" for i in range(12))
        links = "<a href=/>首页</a>"
        if self.name not in ("no-channel", "gone", "elsewhere"):
            links += " <a href=/hd/szxx/>市长信箱</a>"
        if self.name != "no-report":
            year = today().year - 1
            links += f" <a href=/ndbb/{year}.html>{year}年度政府网站工作年度报表</a>"
        return _page("某某县人民政府", f"<div class=nav>{links}</div><ul>{items}</ul>{self.footer()}")

    def mailbox(self):
        if self.name in DETAIL_MESSAGES:
            rows = "".join(
                f"<tr><td><a href='/jact/front/mailpubdetail.do?sysid=4&transactId={i}'>{t}</a>"
                f"</td><td>{ago(asked)}</td></tr>" for i, t, asked, _ in DETAIL_MESSAGES[self.name])
            return _page("市长信箱", f"<table><tr><th>信件标题</th><th>留言时间</th></tr>{rows}</table>")
        rows = "".join(
            f"<tr><td><a href=/hd/szxx/m{i}.html>{t}</a></td><td>{status}</td><td>{ago(asked)}</td>"
            f"<td>{ago(replied) if replied is not None else ''}</td></tr>"
            for i, (t, asked, status, replied) in enumerate(MESSAGES.get(self.name, ANSWERED)))
        return _page("市长信箱", "<table><tr><th>标题</th><th>状态</th><th>留言时间</th>"
                                 f"<th>答复时间</th></tr>{rows}</table>")

    def detail(self, query):
        transact = int(query.split("transactId=")[1].split("&")[0])
        for i, t, asked, replied in DETAIL_MESSAGES.get(self.name, []):
            if i == transact:
                answer = ago(replied) if replied is not None else "暂无"
                return _page(t, f"<div class=jact_main><table><tr><td>来信标题：</td><td>{t}</td></tr>"
                                f"<tr><td>来信时间：</td><td>{ago(asked)}</td></tr></table><table>"
                                f"<tr><td>答复时间：</td><td>{answer}</td></tr></table></div>")
        return None

    def answer(self, path, query):
        if path == "/":
            return 200, self.home()
        if path.startswith("/news/") or path.startswith("/ndbb/"):
            return 200, _page("正文", f"<h1>正文</h1><p>发布时间：{ago(0)}</p>")
        if path == "/hd/szxx/" and self.name not in ("no-channel", "gone", "elsewhere"):
            return 200, self.mailbox()
        if path.startswith("/hd/szxx/m"):
            return 200, _page("留言", f"<h1>留言</h1><p>留言时间：{ago(20)}</p>")
        if path == "/jact/front/mailpubdetail.do":
            page = self.detail(query)
            if page:
                return 200, page
        return 404, _page("404", "<h1>404 页面不存在</h1>")


class InteractionRealm:
    """Sites `NAME.hd.realm.gov.cn` for every name of SITES."""

    def __init__(self):
        self.hosted = {f"{name}.hd.realm.gov.cn": _Site(name) for name in SITES}
        self.server = VirtualHosts(self._answer)
        self.port = self.server.port

    def _answer(self, host, path, query, headers):
        site = self.hosted.get(host)
        status, text = site.answer(path, query) if site else (404, "no such site")
        return status, "text/html", text

    def url(self, name, path="/"):
        return f"http://{name}.hd.realm.gov.cn:{self.port}{path}"

    def hosts(self):
        return sorted(self.hosted)

    def stop(self):
        self.server.stop()
