"""Text in the data is text: HTML and template syntax in YAML values appear on the page literally, and run nowhere
(not in the page, its title, its menu, its table of contents or its search results)."""

from __future__ import annotations

import pytest
import yaml
from website import TODAY, html, make_project, serve, words

from fosterdocs.publishing import build

SCRIPT = "<script>alert('fd-script')</script>"
IMAGE = "<img src=x onerror=alert('fd-image')>"
TITLE = "</title><script>alert('fd-title')</script>"
SUM = "{{ 7*7 }}"
INCLUDE = "{% include 'mkdocs.yml' %}"
CONFIG = "{{ config }}"
MARKDOWN = "Fence:\n```\nfenced\n```\nend\n\n    indented [link](javascript:alert('fd-link')) *stars*"
PAYLOADS = (SCRIPT, IMAGE, TITLE, SUM, INCLUDE, CONFIG)


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """A preview build of a service whose data is full of markup and template syntax, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("injection")
    data = make_project(root / "project", ["example"])
    folder = data / "example"
    service = yaml.safe_load((folder / "service.yaml").read_text(encoding="utf-8"))
    service["name"] = f"Injectshire {SUM} {SCRIPT}"
    service["contacts"][0]["name"] = f"Enquiries {CONFIG}"
    service["contacts"][0]["note"] = IMAGE
    (folder / "service.yaml").write_text(yaml.safe_dump(service, allow_unicode=True), encoding="utf-8")
    statement = yaml.safe_load((folder / "statement-of-purpose.yaml").read_text(encoding="utf-8"))
    statement["document"]["title"] = f"Statement {TITLE} {INCLUDE}"
    statement["introduction"]["content"] += [*PAYLOADS, MARKDOWN, {"list": [IMAGE, SUM]}]
    statement["introduction"]["title"] = f"Introduction {IMAGE} {SUM}"
    statement["management"]["structure"]["rows"].append([SCRIPT, INCLUDE])
    statement["aims_and_objectives"]["subsections"][0]["title"] = f"Sub {CONFIG} {SCRIPT}"
    (folder / "statement-of-purpose.yaml").write_text(yaml.safe_dump(statement, allow_unicode=True), encoding="utf-8")
    outcome = build(data, root / "site", TODAY, pdfs=False)
    server = serve(outcome.site_dir)
    yield next(server)
    server.close()


def pages(site) -> list:
    return sorted((site.root / "example").rglob("index.html"))


def test_markup_and_template_syntax_show_as_text(injected):
    document = html(injected.root / "example" / "statement-of-purpose" / "index.html")
    article = document.select_one("article")
    text = article.get_text()
    for payload in PAYLOADS:
        assert payload in text, payload
    assert words(MARKDOWN) in words(text)
    assert words(document.select_one("article h1").get_text()) == words(f"Statement {TITLE} {INCLUDE}")
    assert document.title.get_text().startswith(f"Statement {TITLE} {INCLUDE} - Injectshire {SUM} {SCRIPT}")
    rows = [[words(c.get_text()) for c in tr.select("th, td")] for tr in article.select("table tr")]
    assert [SCRIPT, INCLUDE] in rows


def test_nothing_from_the_data_became_an_element(injected):
    for path in pages(injected):
        document = html(path)
        assert not document.select("[onerror]"), path
        assert not [s for s in document.select("script") if "fd-" in s.get_text()], path
        assert not document.select("article pre, article code"), path  # nothing was read as Markdown
        assert not document.select('a[href^="javascript:"]'), path
        text = document.get_text()
        assert "site_name:" not in text and "docs_dir" not in text, path  # neither mkdocs.yml nor the config
        assert "Injectshire 49" not in text, path


def test_menu_and_table_of_contents_show_titles_as_text(injected):
    document = html(injected.root / "example" / "statement-of-purpose" / "index.html")
    menu = words(document.select_one("nav.md-nav--primary").get_text(" "))
    assert words(f"Injectshire {SUM} {SCRIPT}") in menu
    assert words(f"Statement {TITLE} {INCLUDE}") in menu
    contents = words(document.select_one("nav.md-nav--secondary").get_text(" "))
    assert words(f"Introduction {IMAGE} {SUM}") in contents
    assert words(f"Sub {CONFIG} {SCRIPT}") in contents


def test_no_script_from_the_data_runs_in_a_browser_even_in_search_results(injected, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages(injected):
        page.goto(injected.url + path.relative_to(injected.root).parent.as_posix() + "/")
        assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    assert page.title().startswith(f"Statement {TITLE}")
    page.click("input.md-search__input")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('Type to start')")
    page.locator("input.md-search__input").press_sequentially("onerror alert")
    page.wait_for_selector(".md-search-result__item", state="attached")
    results = page.inner_text(".md-search-result")
    assert "onerror" in results and page.evaluate("document.querySelectorAll('[onerror]').length") == 0
    page.close()
    assert dialogs == []
