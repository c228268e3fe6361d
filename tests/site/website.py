"""Reading a built website in the tests: where things are, its pages' HTML, and serving it on 127.0.0.1."""

from __future__ import annotations

import functools
import re
import shutil
import threading
from dataclasses import dataclass
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
TODAY = date(2026, 11, 23)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SITE_FILES = ("mkdocs.yml", "content", "overrides", "macros", "schema")


class _Handler(SimpleHTTPRequestHandler):
    """Serves the built site; the LinkChecker header lets linkchecker send more than 10 requests a second."""

    def end_headers(self):
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, *args):
        pass


@dataclass
class Served:
    """A built site and the address it is served at."""

    root: Path
    url: str

    def pages(self) -> list[str]:
        """Every HTML page's path, as a URL path relative to the site's root."""
        return sorted(re.sub(r"(^|/)index\.html$", r"\1", p.relative_to(self.root).as_posix())
                      for p in self.root.rglob("*.html"))


def serve(root: Path):
    """Serve a folder on 127.0.0.1 (a free port) until the generator is closed."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://127.0.0.1:{server.server_port}/")
    finally:
        server.shutdown()
        server.server_close()


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, url_path: str) -> Path:
    """The HTML file behind a URL path of the site."""
    return site / url_path / "index.html" if url_path == "" or url_path.endswith("/") else site / url_path


def content(path: Path) -> BeautifulSoup:
    """The page's own content: Material's article, without the menus around it."""
    return html(path).select_one("article.md-content__inner")


def words(text: str) -> str:
    return " ".join(text.split())


def make_project(root: Path, services: list[str]) -> Path:
    """A project folder like a service's own repository: our site configuration and schemas (linked), the reference
    data and the named bundled services (copied, so tests may change them). Returns its data folder."""
    root.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        (root / name).symlink_to(ROOT / name)
    for name in ("reference", *services):
        shutil.copytree(DATA / name, root / "data" / name)
    return root / "data"
