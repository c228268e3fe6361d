"""Only the browser that opened the printed address, on the editor's own address and pages, can use the editor."""

from __future__ import annotations

import http.client

import pytest

from fosterdocs.editor.security import COOKIE


def ask(editor, method: str, path: str, headers: dict | None = None, body: str | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", editor.session.port, timeout=10)
    headers = {"Host": f"127.0.0.1:{editor.session.port}", **(headers or {})}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")


def session_cookie(editor) -> str:
    return f"{COOKIE}={editor.session.cookie}"


@pytest.mark.parametrize("path", ["/", "/edit/example/service", "/static/editor.css"])
def test_requests_without_the_session_are_refused(editor, path):
    status, _, body = ask(editor, "GET", path)
    assert status == 403
    assert "Open the address that `fosterdocs edit` printed" in body


def test_the_printed_address_sets_a_strict_http_only_session_cookie(editor):
    status, headers, _ = ask(editor, "GET", f"/?token={editor.session.token}")
    assert status == 302 and headers["Location"] == "/"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(session_cookie(editor)) and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert ask(editor, "GET", "/", {"Cookie": session_cookie(editor)})[0] == 200


def test_a_wrong_token_sets_no_cookie(editor):
    status, headers, _ = ask(editor, "GET", "/?token=guessed")
    assert status == 403 and "Set-Cookie" not in headers


@pytest.mark.parametrize("host", ["attacker.example:8100", "evil.test", "127.0.0.1:1"])
def test_a_foreign_host_is_refused_even_with_the_token(editor, host):
    status, headers, _ = ask(editor, "GET", f"/?token={editor.session.token}", {"Host": host})
    assert status == 403 and "Set-Cookie" not in headers
    assert ask(editor, "GET", "/", {"Host": host, "Cookie": session_cookie(editor)})[0] == 403


def test_a_post_from_another_site_is_refused(editor, project):
    before = (project / "data/example/service.yaml").read_bytes()
    body = f"csrf={editor.session.csrf}&action=save&working=name%3A+x&base=0"
    status, _, _ = ask(editor, "POST", "/edit/example/service",
                       {"Cookie": session_cookie(editor), "Origin": "http://evil.test"}, body)
    assert status == 403
    assert (project / "data/example/service.yaml").read_bytes() == before


def test_a_post_without_the_csrf_token_is_refused(editor, project):
    before = (project / "data/example/service.yaml").read_bytes()
    status, _, body = ask(editor, "POST", "/edit/example/service", {"Cookie": session_cookie(editor)},
                          "action=save&working=name%3A+x&base=0")
    assert status == 403 and "reload the page" in body
    assert (project / "data/example/service.yaml").read_bytes() == before


def test_changes_are_only_made_by_post(editor):
    status, _, _ = ask(editor, "GET", "/edit/example/service?action=save", {"Cookie": session_cookie(editor)})
    assert status == 200  # a GET only shows the form
    assert ask(editor, "PUT", "/edit/example/service", {"Cookie": session_cookie(editor)}, "")[0] in (403, 405)
