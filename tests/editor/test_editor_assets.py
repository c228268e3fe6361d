"""The editor's pages and styles carry no GOV.UK branding (the crown, the crest, the GDS Transport typeface are for
GOV.UK only), and everything they refer to is served by the editor itself."""

from __future__ import annotations

import re

import pytest
from test_editor_security import ask, session_cookie

PAGES = ["/", "/edit/example/service", "/edit/example/statement-of-purpose", "/preview/example/childrens-guide-under-8",
         "/static/editor.css", "/static/editor.js"]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_or_style_mentions_the_crest_the_crown_or_the_transport_font(editor, path):
    status, _, body = ask(editor, "GET", path, {"Cookie": session_cookie(editor)})
    assert status == 200
    for brand in ("crest", "crown", "transport"):
        assert brand not in body.lower(), f"{path} mentions {brand}"


def test_every_file_the_styles_refer_to_is_served(editor):
    cookie = {"Cookie": session_cookie(editor)}
    css = ask(editor, "GET", "/static/editor.css", cookie)[2]
    for url in re.findall(r"url\(\"?([^\")]+)\"?\)", css):
        if not url.startswith("data:"):
            assert ask(editor, "GET", url, cookie)[0] == 200, url
