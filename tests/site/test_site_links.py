"""Every link inside the built site works: linkchecker follows them all on 127.0.0.1, anchors included; links
to other sites are listed but never fetched."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from website import html, serve

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
SETTINGS = Path(__file__).parent / "linkcheckerrc"


def linkcheck(url: str) -> list[dict]:
    """Every URL linkchecker met from url (recursively), as rows of its CSV output."""
    run = subprocess.run([str(LINKCHECKER), "-f", str(SETTINGS), "--verbose", "--output", "csv", "--no-status", url],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    lines = [line for line in run.stdout.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def broken(rows: list[dict], site_url: str) -> list[str]:
    """Internal links that failed, or whose anchor was not found (linkchecker reports that as a warning)."""
    return [f"{row['url']} (from {row['parentname']}): {row['result']} {row['warningstring']}" for row in rows
            if row["url"].startswith(site_url) and (row["valid"] != "True" or row["warningstring"])]


def test_linkchecker_finds_no_broken_internal_link_or_anchor(served, built):
    rows = linkcheck(served.url)
    assert not broken(rows, served.url)
    checked = {row["url"] for row in rows if row["url"].startswith(served.url) and row["result"] == "200 OK"}
    pages = {served.url + path for path in served.pages() if not path.endswith("404.html")}
    assert pages <= checked  # every page is reachable by following links from the home page
    assert {served.url + pdf.path.relative_to(built.site_dir).as_posix() for pdf in built.pdfs} <= checked
    external = [row for row in rows if row["url"].startswith("https://")]
    assert external and all(row["result"] in ("filtered", "ignored") for row in external)  # listed, not fetched


def test_linkchecker_would_report_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "index.html").write_text('<!doctype html><html lang="en"><title>a</title><h1 id="top">A</h1>'
                                         '<a href="b.html#nowhere">b</a> <a href="missing.html">m</a>'
                                         '<a href="b.html#here">ok</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<!doctype html><html lang="en"><title>b</title><h1 id="here">B</h1>',
                                     encoding="utf-8")
    server = serve(tmp_path)
    site = next(server)
    try:
        problems = broken(linkcheck(site.url), site.url)
    finally:
        server.close()
    assert len(problems) == 2
    assert any("missing.html" in p and "404" in p for p in problems)
    assert any("#nowhere" in p and "not found" in p for p in problems)


def test_links_within_a_page_reach_an_element_with_that_id(built):
    for path in built.site_dir.rglob("*.html"):
        page = html(path)
        ids = {element["id"] for element in page.select("[id]")}
        missing = [a["href"] for a in page.select('a[href^="#"]') if a["href"] != "#" and a["href"][1:] not in ids]
        assert not missing, (path, missing)
