"""A realm of new-media accounts for the system test: an RSSHub-like bridge, a Weibo-like API,
accounts' own feeds and app pages, all on one loopback server whose answers the test can change.
"""
import http.server
import json
import threading
import time

DAY = 86400
BEIJING = 8 * 3600


def beijing(epoch, fmt):
    return time.strftime(fmt, time.gmtime(epoch + BEIJING))


def weibo_created_at(epoch):
    return beijing(epoch, "%a %b %d %H:%M:%S +0800 %Y")


def rfc822(epoch):
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(epoch))


def iso_beijing(epoch):
    return beijing(epoch, "%Y-%m-%dT%H:%M:%S+08:00")


def rss(*ages, now, title="政务发布", dated=True, encoding="utf-8"):
    items = "".join(
        f"<item><title>第{i}条</title><link>https://example.gov.cn/{i}.html</link>"
        + (f"<pubDate>{rfc822(now - age)}</pubDate>" if dated else "")
        + "</item>"
        for i, age in enumerate(ages))
    text = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://example.gov.cn/</link>{items}</channel></rss>")
    return text.encode("gb18030" if encoding.lower() in ("gb2312", "gbk") else "utf-8")


def atom(*ages, now):
    entries = "".join(
        f"<entry><title>第{i}条</title><id>urn:{i}</id><updated>{iso_beijing(now - age)}</updated>"
        f'<link href="https://example.gov.cn/{i}.html"/></entry>'
        for i, age in enumerate(ages))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>公众号</title><id>urn:feed</id><updated>{iso_beijing(now)}</updated>"
            f"{entries}</feed>").encode()


def rdf(*ages, now):
    items = "".join(
        f'<item rdf:about="https://example.gov.cn/{i}"><title>第{i}条</title>'
        f"<link>https://example.gov.cn/{i}</link><dc:date>{iso_beijing(now - age)}</dc:date></item>"
        for i, age in enumerate(ages))
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel rdf:about="https://example.gov.cn/"><title>RDF</title>'
            "<link>https://example.gov.cn/</link><description>d</description></channel>"
            f"{items}</rdf:RDF>").encode()


def json_feed(*ages, now):
    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "哔哩哔哩动态",
        "items": [{"id": str(i), "url": f"https://example.gov.cn/{i}",
                   "content_text": "动态", "date_published": iso_beijing(now - age)}
                  for i, age in enumerate(ages)],
    }, ensure_ascii=False).encode()


def weibo_list(posts, now):
    """posts: (age, pinned) pairs."""
    cards = []
    for i, (age, pinned) in enumerate(posts):
        mblog = {"id": str(1000 + i), "created_at": weibo_created_at(now - age), "text": "发布"}
        if pinned:
            mblog.update({"isTop": 1, "title": {"text": "置顶"}})
        cards.append({"card_type": 9,
                      "profile_type_id": ("proweibotop_" if pinned else "proweibo_") + str(i),
                      "mblog": mblog})
    return json.dumps({"ok": 1, "data": {"cardlistInfo": {"total": len(cards)},
                                         "cards": cards}}, ensure_ascii=False).encode()


def weibo_profile(uid, statuses):
    return json.dumps({"ok": 1, "data": {
        "userInfo": {"id": int(uid), "screen_name": "发布", "statuses_count": statuses},
        "tabsInfo": {"tabs": [{"tab_type": "weibo", "containerid": f"107603{uid}"}]}}},
        ensure_ascii=False).encode()


def weibo_paths(uid):
    base = "/api/container/getIndex?type=uid&value=" + uid
    return base + "&containerid=107603" + uid, base


class _Server(http.server.ThreadingHTTPServer):
    # govmon opens many connections at once; the default backlog of 5 would drop some.
    request_queue_size = 128
    daemon_threads = True


class Realm:
    def __init__(self):
        self.routes = {}
        self.lock = threading.Lock()
        realm = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with realm.lock:
                    status, ctype, body = realm.routes.get(
                        self.path, (404, "text/html", b"<h1>404 Not Found</h1>"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.port = self.server.server_port

    def serve(self, path, status, ctype, body):
        with self.lock:
            self.routes[path] = (status, ctype, body)
