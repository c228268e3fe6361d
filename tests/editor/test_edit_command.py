"""`fosterdocs edit` as a command: one line with the address, the session opened by it, a clean stop on Ctrl-C,
and a clear refusal when it cannot run."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import urllib.request
from http.cookiejar import CookieJar

ADDRESS = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{40,})")


def start(*args: str, cwd) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "fosterdocs.cli", "edit", "--no-browser", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_it_prints_one_address_that_opens_the_editor_and_stops_cleanly_on_ctrl_c(project):
    editor = start("--data", "data", cwd=project)
    try:
        line = editor.stdout.readline()
        found = ADDRESS.search(line)
        assert found, line
        assert 8100 <= int(found[1]) < 8150
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(found[0], timeout=30) as response:
            page = response.read().decode()
        assert "Services and documents" in page and 'href="/edit/example/service"' in page
    finally:
        editor.send_signal(signal.SIGINT)
        out, err = editor.communicate(timeout=30)
    assert editor.returncode == 0, err
    assert out.strip() == "Stopped the editor." and "Traceback" not in err


def test_a_port_in_use_is_refused_with_a_clear_message(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        editor = start("--data", "data", "--port", str(port), cwd=project)
        out, err = editor.communicate(timeout=60)
    assert editor.returncode == 2
    assert err.strip() == f"fosterdocs: Port {port} is in use on this computer: choose another with --port."


def test_a_data_folder_that_does_not_exist_is_refused(project):
    editor = start("--data", "nowhere", cwd=project)
    out, err = editor.communicate(timeout=60)
    assert editor.returncode == 2 and err.strip() == "fosterdocs: nowhere is not a folder."
