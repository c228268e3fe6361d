"""`fosterdocs serve` previews a service whose data its templates cannot show, without a traceback."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request


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
