"""`fosterdocs serve` previews a service whose data its templates cannot show, or whose YAML cannot be read, with
its findings on the page and without a traceback; and shows each saved change."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_previews_a_broken_document_with_its_findings(data):
    guide = data / "example/childrens-guide-under-8.yaml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("  content:\n    - This book is for you.\n", "  content: 1.5\n  old:\n"
                                  "    - This book is for you.\n", 1), encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "fosterdocs.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=data.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        page, deadline = None, time.monotonic() + 120
        while page is None and time.monotonic() < deadline and server.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/example/childrens-guide-under-8/"
                page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        assert page is not None, server.stderr.read() if server.poll() is not None else "no page"
        assert "Preview — not approved for publication" in page and "content" in page
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert "Traceback" not in err + out


@contextmanager
def serving(data):
    """`fosterdocs serve` of the project; yields a function fetching a page (None while there is none)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "fosterdocs.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=data.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def fetch(path: str) -> str | None:
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).read().decode("utf-8")
        except OSError:
            return None

    try:
        yield fetch, server
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
        assert "Traceback" not in err + out


def wait_for(fetch, server, path: str, words: str, seconds: float = 120) -> str:
    deadline, page = time.monotonic() + seconds, None
    while time.monotonic() < deadline and server.poll() is None:
        page = fetch(path)
        if page and words in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{path} never showed {words!r}; last: {page and page[:2000]}")


def test_a_document_whose_yaml_cannot_be_read_shows_its_findings_not_a_404_and_each_save_is_shown(data):
    guide = data / "example/childrens-guide-under-8.yaml"
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good.replace("  title: Hello\n", '  title: "Hello\n', 1), encoding="utf-8")  # a stray quote
    path = "/example/childrens-guide-under-8/"
    with serving(data) as (fetch, server):
        page = wait_for(fetch, server, path, "Preview — not approved for publication")
        assert "This page cannot be shown until its data is put right" in page
        assert "example/childrens-guide-under-8.yaml, line " in page and "To put it right:" in page
        guide.write_text(good.replace("This book is for you.", "This book is yours.", 1), encoding="utf-8")
        page = wait_for(fetch, server, path, "This book is yours.")
        assert "Preview — not approved for publication" not in page
        statement = data / "example/statement-of-purpose.yaml"
        statement.write_text(statement.read_text(encoding="utf-8") + "\n  - a stray line\n", encoding="utf-8")
        page = wait_for(fetch, server, "/example/statement-of-purpose/", "This page cannot be shown until")
        assert "example/statement-of-purpose.yaml, line " in page
        assert "This book is yours." in fetch(path)
