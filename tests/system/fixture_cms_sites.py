"""A realm of local government sites in the list shapes real CMSs serve, each fresh and stale.

One HTTP server on 127.0.0.1 (a port the kernel picks) answers for every site, told apart by the
Host header; govmon reaches them through http.resolve. Shapes, each modelled on real pages:
- plain:    <li><a>title</a><span>YYYY-MM-DD</span></li> rows (most static generators)
- hanweb:   大汉 JCMS: rows as CDATA records inside <script type="text/xml"><datastore>
- docwrite: rows written by inline document.write('…') calls
- trs:      TRS search-result layout: <p><a>title</a></p><p>long summary</p><span>时间：…</span>
- xhr:      an empty <ul> filled by an XMLHttpRequest to a JSON endpoint (needs a browser)
- linked:   undated titles; each article states its date in <meta name="PubDate">
Every site has a 工作动态 column in its own shape, and an attachment link (统计表（XLS）).
"""
import datetime
import json

from virtual_hosts import VirtualHosts

SHAPES = ("plain", "hanweb", "docwrite", "trs", "xhr", "linked")
BEIJING = datetime.timezone(datetime.timedelta(hours=8))
ITEMS = 12


def _dates(stale):
    today = datetime.datetime.now(BEIJING).date()
    first = 30 if stale else 0
    return [(today - datetime.timedelta(days=first + i // 4)).isoformat() for i in range(ITEMS)]


def _title(i):
    return f"关于做好2026年第{i + 1}批重点民生实事项目推进工作的通知"


def _rows(shape, section, dates):
    links = [(f"/{section}/art_{i + 1}.html", _title(i), d) for i, d in enumerate(dates)]
    if shape == "plain":
        return "<ul class=list>" + "".join(
            f"<li><a href={u}>{t}</a><span>{d}</span></li>" for u, t, d in links) + "</ul>"
    if shape == "hanweb":
        records = "".join(
            f'<record><![CDATA[<li><a href="{u}" title="{t}" target="_blank">{t}</a>'
            f"<span>{d}</span></li>]]></record>" for u, t, d in links)
        return ('<div id="2471"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href='
                '"/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/&columnid=1229&unitid=5"'
                '></a>]]></nextgroup><recordset>' + records +
                "</recordset></datastore></script></div>")
    if shape == "docwrite":
        return "<ul>" + "".join(
            f"<script>document.write('<li><a href=\"{u}\">{t}</a>'+'<span>{d}</span></li>');"
            "</script>" for u, t, d in links) + "</ul>"
    if shape == "trs":
        summary = "为深入贯彻落实省委省政府决策部署，进一步做好民生实事项目推进工作，现将有关事项通知如下，" \
                  "请各地各部门结合实际认真抓好落实并按时报送进展情况。"
        return '<div class="jsearch-result-box">' + "".join(
            f'<p class="title"><a href="{u}">{t}</a></p><p class="summary">{summary}</p>'
            f'<span class="date">时间：{d}</span>' for u, t, d in links) + "</div>"
    if shape == "xhr":
        return (f'<ul id="list"></ul><script>var x = new XMLHttpRequest();'
                f'x.open("GET", "/{section}/list.json");'
                'x.onload = function () { var h = ""; JSON.parse(x.responseText).forEach('
                'function (i) { h += "<li><a href=\\"" + i.url + "\\">" + i.title + "</a><span>" +'
                ' i.date + "</span></li>"; }); document.getElementById("list").innerHTML = h; };'
                "x.send();</script>")
    if shape == "linked":
        return "<ul>" + "".join(f"<li><a href={u}>{t}</a></li>" for u, t, _ in links) + "</ul>"
    raise ValueError(shape)


def _today():
    return datetime.datetime.now(BEIJING).date()


# A consultation channel, last year's annual report and the footer's identifiers: every site
# shows them, so that the realm stays healthy for the 互动回应 and disclosure checks.
_DISCLOSURES = ("<a href=/hd/>领导信箱</a> <a href=/home/art_1.html>{year}年度政府网站工作年度报表</a>"
                "<div>网站标识码：3300000001 浙ICP备05000001号</div>")


def _mailbox():
    asked, replied = (_today() - datetime.timedelta(days=3)), (_today() - datetime.timedelta(days=2))
    return ("<table><tr><th>标题</th><th>状态</th><th>留言时间</th><th>答复时间</th></tr>"
            "<tr><td><a href=/home/art_2.html>咨询办事指南</a></td><td>已回复</td>"
            f"<td>{asked.isoformat()}</td><td>{replied.isoformat()}</td></tr></table>")


def _page(title, body, head=""):
    return (f"<!DOCTYPE html><html><head><meta charset=utf-8><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")


class _Site:
    def __init__(self, shape, stale):
        self.shape = shape
        self.dates = _dates(stale)

    def answer(self, path):
        nav = ('<div class=nav><a href="/">首页</a> <a href="/col/col1229/index.html">工作动态</a>'
               ' <a href="/attach/stats.xls">统计表（XLS）</a></div>')
        if path == "/":
            return 200, "text/html", _page("某某县人民政府", nav + _rows(self.shape, "home", self.dates) +
                                           _DISCLOSURES.format(year=_today().year - 1))
        if path == "/hd/":
            return 200, "text/html", _page("领导信箱", nav + _mailbox())
        if path == "/col/col1229/index.html":
            return 200, "text/html", _page("工作动态", nav + _rows(self.shape, "col", self.dates))
        if path.endswith("/list.json"):
            section = path.split("/")[1]
            items = [{"url": f"/{section}/art_{i + 1}.html", "title": _title(i), "date": d}
                     for i, d in enumerate(self.dates)]
            return 200, "application/json", json.dumps(items, ensure_ascii=False)
        if path == "/attach/stats.xls":
            return 200, "application/vnd.ms-excel", b"\xd0\xcf\x11\xe0 an OLE2 workbook header"
        if "/art_" in path:
            number = int(path.rsplit("_", 1)[1].split(".")[0])
            date = self.dates[number - 1]
            head = f'<meta name="PubDate" content="{date} 09:30">' if self.shape == "linked" else ""
            byline = "" if self.shape == "linked" else f"<p>发布时间：{date}</p>"
            return 200, "text/html", _page(_title(number - 1),
                                           f"<h1>{_title(number - 1)}</h1>{byline}<p>正文。</p>",
                                           head)
        return 404, "text/html", _page("404", "<h1>404 页面不存在</h1>")


class CmsRealm:
    """Sites `fresh-SHAPE.realm.gov.cn` and `stale-SHAPE.realm.gov.cn` for every shape."""

    def __init__(self):
        self.hosted = {f"{state}-{shape}.realm.gov.cn": _Site(shape, state == "stale")
                       for shape in SHAPES for state in ("fresh", "stale")}
        self.server = VirtualHosts(self._answer)
        self.port = self.server.port

    def _answer(self, host, path, query, headers):
        site = self.hosted.get(host)
        return site.answer(path) if site else (404, "text/plain", "no such site")

    def sites(self):
        """(id, host, url) of every site."""
        return [(host.split(".")[0], host, f"http://{host}:{self.port}/")
                for host in sorted(self.hosted)]

    def stop(self):
        self.server.stop()
