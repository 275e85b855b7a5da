"""One HTTP server on 127.0.0.1 (a port the kernel picks) answering for many sites, told apart
by the Host header as a shared hosting server tells them apart; govmon reaches them through
`http.resolve`.

`answer(host, path, query, headers)` returns (status, content type, body). A str body is sent
as UTF-8 with the charset named; bytes are sent as they are, under the type given.
"""
import http.server
import threading


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True


class VirtualHosts:
    def __init__(self, answer):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                host = (self.headers.get("Host") or "").split(":")[0]
                path, _, query = self.path.partition("?")
                status, kind, body = answer(host, path, query, self.headers)
                if isinstance(body, str):
                    body, kind = body.encode("utf-8"), kind + "; charset=utf-8"
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_HEAD = do_GET

            def log_message(self, *args):
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
