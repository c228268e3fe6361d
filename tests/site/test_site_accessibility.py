"""WCAG 2.2 AA on every built page, checked in Chromium: axe-core, the page language, headings; and layout on a
phone and a desktop screen."""

from __future__ import annotations

import pytest
from website import AXE, content, page_file, words

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
HEADINGS = """[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => h.getClientRects().length)
  .map(h => [Number(h.tagName[1]), h.textContent.trim()])"""  # every heading a screen reader can reach
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def checked(served, browser, tmp_path_factory):
    """Each page opened once: at desktop width its axe results, language and headings; then at each width, a
    screenshot and how wide the page is."""
    shots = tmp_path_factory.mktemp("screenshots")
    page = browser.new_page(viewport={"width": WIDTHS[-1], "height": 900})
    axe = AXE.read_text(encoding="utf-8")
    results = {}
    for index, path in enumerate(served.pages()):
        page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
        page.goto(served.url + path)
        page.add_script_tag(content=axe)
        report = page.evaluate(AXE_RUN, AXE_TAGS)
        results[path] = {"violations": report["violations"], "passes": len(report["passes"]),
                         "lang": page.evaluate("document.documentElement.lang"),
                         "headings": page.evaluate(HEADINGS), "widths": {}}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            shot = shots / f"{index:03d}-{width}.png"
            page.screenshot(path=str(shot))
            results[path]["widths"][width] = (shot, page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"))
    page.close()
    return results


def test_every_page_was_checked(checked, built):
    pages = len([p for p in built.site_dir.rglob("*.html")])
    assert len(checked) == pages >= 20
    assert all(result["passes"] > 10 for result in checked.values())


def test_every_page_has_no_axe_violations_for_wcag_2_2_aa(checked):
    problems = {path: [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary']}"
                       for v in result["violations"]]
                for path, result in checked.items() if result["violations"]}
    assert not problems, problems


def test_every_page_is_in_british_english(checked):
    assert {result["lang"] for result in checked.values()} == {"en-GB"}


def test_every_page_has_one_h1(checked):
    assert {path: [h for h in result["headings"] if h[0] == 1] for path, result in checked.items()
            if len([h for h in result["headings"] if h[0] == 1]) != 1} == {}


def test_headings_never_skip_a_level(checked):
    skipped = {}
    for path, result in checked.items():
        levels = [level for level, _ in result["headings"]]
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        if jumps or (levels and levels[0] != 1):
            skipped[path] = result["headings"]
    assert not skipped, skipped


def test_the_accessibility_statement_follows_the_model_statement(built):
    page = content(page_file(built.site_dir, "accessibility/"))
    headings = [words(h.get_text()) for h in page.select("h1, h2, h3")]
    model = ["Accessibility statement for Fostering service documents", "How accessible this website is",
             "Feedback and contact information", "Reporting accessibility problems with this website",
             "Enforcement procedure", "Technical information about this website's accessibility",
             "Compliance status", "Non-accessible content", "Non-compliance with the accessibility regulations",
             "Disproportionate burden", "Content that's not within the scope of the accessibility regulations",
             "What we're doing to improve accessibility", "Preparation of this accessibility statement"]
    assert [h for h in headings if h in model] == model
    text = words(page.get_text(" "))
    assert "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018" in text
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    assert "last tested on 23 November 2026" in text
    contacts = {a["href"] for a in page.select("a[href$='/contacts/']")}
    assert contacts == {f"../{c.id}/contacts/" for c in built.services}


def test_every_page_links_to_the_accessibility_statement(built):
    for path in built.site_dir.rglob("index.html"):
        footer = content(path).find_parent("body").select_one("footer")
        assert footer.find("a", string="Accessibility statement"), path


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_phone_and_desktop_screens_without_sideways_scrolling(checked, width):
    wider = {}
    for path, result in checked.items():
        shot, (scroll, client) = result["widths"][width]
        assert shot.read_bytes()[16:20] == width.to_bytes(4, "big")  # PNG header: the screenshot is that wide
        if scroll > client:
            wider[path] = scroll
    assert not wider, f"wider than {width}px: {wider}"
