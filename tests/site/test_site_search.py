"""The site's search (Material's, over the built index) finds a service's pages by words only that service uses."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from urllib.parse import urljoin, urlparse

from website import content, words

WORD = re.compile(r"\b[A-Z][a-z]{6,}\b")  # place and team names: capitalised, long enough to be distinctive


def distinctive_words(built) -> dict[str, list[str]]:
    """For each service, capitalised words on its pages whose stem (first six letters: search stems words) begins
    no word anywhere else on the site."""
    text = {p: words(content(p).get_text(" ")) for p in built.site_dir.rglob("index.html")}
    ids = [c.id for c in built.services]
    owner = {p: next((i for i in ids if p.is_relative_to(built.site_dir / i)), "") for p in text}
    stems = Counter()
    for service in ids + [""]:
        own = " ".join(t for p, t in text.items() if owner[p] == service).lower()
        stems.update({w[:6] for w in re.findall(r"[a-z]{6,}", own)})
    return {service: sorted({w for p, t in text.items() if owner[p] == service for w in WORD.findall(t)
                             if stems[w.lower()[:6]] == 1})[:2] for service in ids}


def open_search(page, url: str) -> None:
    """Open the site and its search box, and wait until the search index is loaded."""
    page.goto(url)
    page.click("input.md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Type to start')")


def search(page, query: str) -> list[str]:
    """The paths of the pages Material's search lists for query, typed as a person types it."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query)
    first = query.split()[0].lower()  # Material marks each result's link with the query, so these are the new results
    page.wait_for_selector(f'a.md-search-result__link[href*="h={first}"]', state="attached", timeout=15000)
    links = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "a => a.map(x => x.href)")
    return sorted({urlparse(urljoin(page.url, link)).path for link in links})


def test_search_finds_each_service_by_words_only_it_uses(served, built, browser):
    terms = distinctive_words(built)
    assert len(terms) >= 4 and all(terms.values()), terms
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_search(page, served.url)
    for service, queries in terms.items():
        for query in queries:
            found = search(page, query)
            assert found, (service, query)
            assert all(path.startswith(f"/{service}/") for path in found), (service, query, found)
    page.close()


def test_every_section_heading_is_in_the_search_index(built):
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {(doc["location"], unescape(doc["title"])) for doc in index["docs"]}
    checked = 0
    for service in built.services:
        for kind, document in service.documents.items():
            page = content(built.site_dir / service.id / kind / "index.html")
            for heading in page.select("h2[id], h3[id]"):
                assert (f"{service.id}/{kind}/#{heading['id']}", words(heading.get_text())) in entries
                checked += 1
    assert checked > 100
