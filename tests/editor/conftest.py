"""Fixtures for the editor's tests: the editor serving a private copy of the project on a free port of
127.0.0.1, and a real Chromium (through Playwright) that has opened its printed address."""

from __future__ import annotations

import logging
import threading
from datetime import date

import pytest
from werkzeug.serving import make_server

from fosterdocs.editor.app import create_app
from fosterdocs.editor.security import Session

TODAY = date(2026, 11, 23)


class Running:
    def __init__(self, data, session):
        self.data, self.session = data, session

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.session.port}"


@pytest.fixture
def editor(project):
    """The editor of the copied project's data, running until the test ends."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, None, threaded=True)
    session = Session(server.server_port)
    server.app = create_app(project / "data", session, TODAY)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Running(project / "data", session)
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser, editor):
    """A browser tab that has opened the address `fosterdocs edit` printed (so it holds the session cookie)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(editor.session.url)
    yield tab
    context.close()
