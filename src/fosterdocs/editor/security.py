"""Who may use the editor: only the browser that opened the address it printed, from this machine, on its own pages.

- The printed address carries a random token; opening it sets a session cookie (HttpOnly, SameSite=Strict) and
  every other request without that cookie is refused (403).
- A request whose Host is not the editor's own address is refused, so a web page cannot reach the editor through
  a DNS name pointed at 127.0.0.1 (DNS rebinding); nor one whose Origin is another site's.
- Every request that changes anything is a POST carrying the session's CSRF token.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from flask import Flask, Response, abort, redirect, request

COOKIE = "fosterdocs_editor"
SAFE_METHODS = ("GET", "HEAD")


@dataclass
class Session:
    """The secrets of one run of the editor."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))  # in the printed address
    cookie: str = field(default_factory=lambda: secrets.token_urlsafe(32))  # the browser's session
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))  # in every form

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def protect(app: Flask, session: Session) -> None:
    """Refuse every request that does not come from the session's own pages."""

    @app.before_request
    def check():
        if request.host not in session.hosts:
            abort(403, "This address is not the editor's own.")
        origin = request.headers.get("Origin")
        if origin is not None and origin.removeprefix("http://") not in session.hosts:
            abort(403, "Requests from other sites are refused.")
        if request.method in SAFE_METHODS and _same(request.args.get("token"), session.token):
            response = redirect(request.path)
            response.set_cookie(COOKIE, session.cookie, httponly=True, samesite="Strict", path="/")
            return response
        if not _same(request.cookies.get(COOKIE), session.cookie):
            abort(403, "Open the address that `fosterdocs edit` printed (it includes the session's key).")
        if request.method not in SAFE_METHODS and not _same(request.form.get("csrf"), session.csrf):
            abort(403, "This form is out of date or did not come from the editor: reload the page.")

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                                    "frame-ancestors 'none'; form-action 'self'")  # (the preview sets its own)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"  # (no-referrer makes form posts say Origin: null)
        response.headers["Cache-Control"] = "no-store"
        return response
