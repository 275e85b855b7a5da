"""A real SMTP server on loopback (aiosmtpd, Debian's python3-aiosmtpd) that keeps every
message it accepts, parsed back with Python's MIME parser. It can be stopped and started
again on the same port, and can hold a client mid-transaction (to kill the sender there).
"""
import asyncio
import email
import email.policy
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from free_port import free_port



class Mailbox:
    """tls_context: offer STARTTLS and require it; login: (user, password) the server demands."""

    def __init__(self, tls_context=None, login=None):
        self.tls_context = tls_context
        self.login = login
        self.sessions = []  # (tls in use, authenticated user) of each accepted message
        self.port = free_port()
        self.lock = threading.Lock()
        self.messages = []  # (envelope recipients, parsed message)
        self.hold = False  # keeps a client waiting at RCPT TO while True
        self.held = threading.Event()
        self.controller = None
        self.start()

    def start(self):
        box = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                while box.hold:
                    box.held.set()
                    await asyncio.sleep(0.05)
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
                with box.lock:
                    box.messages.append((list(envelope.rcpt_tos), parsed))
                    box.sessions.append((session.ssl is not None, session.auth_data))
                return "250 Message accepted for delivery"

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login.decode(), auth_data.password.decode()) == box.login
            return AuthResult(success=ok, auth_data=auth_data.login.decode() if ok else None)

        options = {}
        if self.tls_context:
            options.update(tls_context=self.tls_context, require_starttls=True)
        if self.login:
            options.update(authenticator=authenticate, auth_required=True)
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def all(self):
        with self.lock:
            return list(self.messages)

    def to(self, address):
        return [m for rcpt, m in self.all() if address in rcpt]

    def wait_for(self, predicate, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            found = [m for rcpt, m in self.all() if predicate(rcpt, m)]
            if found:
                return found
            time.sleep(0.1)
        return []
