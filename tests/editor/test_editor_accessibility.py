"""Every page of the editor passes axe-core's WCAG 2.2 AA checks in Chromium, on a phone and on a desktop: the start
page, a form for each kind of file (with and without findings), a new edition with its changes, the raw-text editor
and the conflict page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
FORMS = ["example/service", "example/statement-of-purpose", "example/childrens-guide-under-8",
         "example/childrens-guide-8-to-12", "example/childrens-guide-13-plus", "example/carer-handbook",
         "norfolk/statement-of-purpose", "hertfordshire/service"]
WIDTHS = [390, 1280]


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(AXE_RUN, TAGS)["violations"]
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found]


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", WIDTHS)
def test_start_and_every_kind_of_form_have_no_axe_violations(browser, editor, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(editor.session.url)
    problems = {"start": found} if (found := violations(page)) else {}
    assert fits(page), "the start page scrolls sideways"
    for form in FORMS:
        page.goto(f"{editor.base}/edit/{form}")
        assert page.get_by_role("heading", level=1).count() == 1
        if found := violations(page):
            problems[form] = found
        assert fits(page), f"{form} scrolls sideways at {width}px"
    context.close()
    assert not problems


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_edition_the_raw_editor_and_the_conflict_page_have_no_axe_violations(browser, editor, width):
    path = editor.data / "example" / "service.yaml"
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)  # to inject axe
    page = context.new_page()
    page.goto(editor.session.url)
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "Sent to Ofsted"]):  # so changes are listed
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *command],
                       cwd=editor.data.parent, check=True, capture_output=True)
    page.goto(f"{editor.base}/edit/example/childrens-guide-under-8")
    page.get_by_role("group", name="Welcome", exact=True).get_by_label("Paragraph or list 1", exact=True).fill(
        "This book is for you and your family.")
    page.get_by_role("button", name="Start a new edition").click()
    page.get_by_role("heading", name="What changed since the edition last sent to Ofsted").wait_for()
    assert violations(page) == []
    page.goto(f"{editor.base}/edit/example/service")
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed elsewhere\n", encoding="utf-8")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("heading", name="Not saved: the file changed since you opened it").wait_for()
    assert violations(page) == []
    path.write_text("name: 'unfinished\n", encoding="utf-8")
    page.goto(f"{editor.base}/edit/example/service")
    page.get_by_label("The file as text").wait_for()
    assert violations(page) == []
    page.goto(f"{editor.base}/edit/example/nothing-here")
    assert violations(page) == []
    context.close()
