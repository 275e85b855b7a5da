"""A realm of local web sites for the system test: up, down, hanging and bad TLS.

Every server binds 127.0.0.1 on a port the kernel picks; nothing leaves the machine.
"""
import http.server
import os
import socket
import ssl
import subprocess
import threading
import time


def _disclosures():
    """What every healthy home page shows: a consultation channel, last year's annual report
    and a footer with the 网站标识码 and the ICP number."""
    year = time.localtime().tm_year - 1
    return ("<a href=/hd/>领导信箱</a> "
            f"<a href=/news/report.html>{year}年度政府网站工作年度报表</a>"
            "<div>网站标识码：4200000001 鄂ICP备05003305号</div>")


def _mailbox():
    """A 领导信箱 whose one message was answered the day after it came."""
    asked = time.strftime("%Y-%m-%d", time.localtime(time.time() - 3 * 86400))
    replied = time.strftime("%Y-%m-%d", time.localtime(time.time() - 2 * 86400))
    return ("<table><tr><th>标题</th><th>状态</th><th>留言时间</th><th>答复时间</th></tr>"
            f"<tr><td><a href=/news/letter.html>咨询办事指南</a></td><td>已回复</td>"
            f"<td>{asked}</td><td>{replied}</td></tr></table>")


class _Quiet(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        # A healthy portal: a list of dated news, today's among them, on every page.
        today = time.strftime("%Y-%m-%d")
        items = "".join(f"<li><a href=/news/{i}.html>湖北省政府常务会议研究部署第{i}项工作</a>"
                        f"<span>{today}</span></li>" for i in range(12))
        if self.path == "/":
            content, status = f"<ul>{items}</ul>{_disclosures()}", 200
        elif self.path == "/hd/":
            content, status = _mailbox(), 200
        elif self.path.startswith("/news/"):
            content, status = f"<h1>{self.path}</h1><p>发布时间：{today}</p>", 200
        else:
            content, status = "<h1>404 页面不存在</h1>", 404
        body = ("<html><head><meta charset=utf-8><title>湖北省人民政府</title></head>"
                f"<body>{content}</body></html>").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    # govmon opens many connections at once; the default backlog of 5 would drop some.
    request_queue_size = 128
    daemon_threads = True


def _serve_http(certificate=None):
    server = _Server(("127.0.0.1", 0), _Quiet)
    if certificate:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*certificate)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class _Hanging:
    """Accepts connections and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)


def self_signed(directory):
    key = os.path.join(directory, "key.pem")
    cert = os.path.join(directory, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                    "-subj", "/CN=badtls.example.gov.cn", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return cert, key


class Realm:
    def __init__(self, directory):
        self.up = _serve_http()
        self.tls = _serve_http(self_signed(directory))
        self.hang = _Hanging()
        self.down_port = _closed_port()

    def sites(self):
        """(id, host, url) of every site."""
        return [
            ("up", "up.example.gov.cn", f"http://up.example.gov.cn:{self.up.server_port}/"),
            ("down", "down.example.gov.cn", f"http://down.example.gov.cn:{self.down_port}/"),
            ("hang", "hang.example.gov.cn", f"http://hang.example.gov.cn:{self.hang.port}/"),
            ("badtls", "badtls.example.gov.cn",
             f"https://badtls.example.gov.cn:{self.tls.server_port}/"),
        ]
