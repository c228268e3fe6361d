"""fosterdocs.yml: the project's settings, checked against schema/config.schema.json; the service's logo and colours
(held to WCAG 2.2 AA contrast) and its own page templates and stylesheets reach the website."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from fosterdocs.config import AA_TEXT, contrast, darker_until

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
FOOTER = '<div class="md-copyright">Acme Fostering, our own footer</div>\n'


@pytest.fixture
def repo(tmp_path, run) -> Path:
    code, _, err = run("init", str(tmp_path / "acme-docs"), "--service", "acme", "--name", "Acme Fostering",
                       "--type", "local-authority", cwd=tmp_path)
    assert code == 0, err
    return tmp_path / "acme-docs"


def _settings(repo: Path, text: str) -> None:
    (repo / "fosterdocs.yml").write_text(text, encoding="utf-8")


def test_contrast_follows_the_wcag_formula():
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey with AA on white
    assert contrast("#777777", "#ffffff") < AA_TEXT
    shade = darker_until("#ff8800", "#ffffff")
    assert contrast(shade, "#ffffff") >= AA_TEXT and shade != "#ff8800"


def test_a_settings_file_of_comments_only_marks_the_project(repo, run):
    _settings(repo, "# Nothing to set yet.\n")
    code, out, err = run("validate", cwd=repo / "data" / "acme")
    assert code == 1 and "1 service, 6 files" in out and not err


def test_branding_custom_templates_and_stylesheets_reach_every_page(repo, run):
    (repo / "branding").mkdir()
    (repo / "branding" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (repo / "theme" / "partials").mkdir(parents=True)
    (repo / "theme" / "partials" / "copyright.html").write_text(FOOTER, encoding="utf-8")
    (repo / "theme" / "assets").mkdir()
    (repo / "theme" / "assets" / "service.css").write_text(".md-header { border-bottom: 2px solid; }\n")
    _settings(repo, "site:\n  name: Acme documents\n  url: https://docs.acme.example/\npublish: [acme]\n"
                    "branding:\n  logo: branding/logo.svg\n  colours:\n    primary: '#1d4f91'\n"
                    "custom_dir: theme\nstylesheets: [assets/service.css]\n")
    code, _, err = run("build", "--no-pdf", cwd=repo)
    assert code == 0, err
    site = repo / "site"
    assert "--md-primary-fg-color: #1d4f91;" in (site / "assets/stylesheets/branding.css").read_text()
    assert (site / "assets/branding/logo.svg").read_text() == LOGO
    for page in (site / "index.html", site / "acme" / "statement-of-purpose" / "index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        assert any(s.endswith("assets/stylesheets/branding.css") for s in sheets)
        assert any(s.endswith("assets/service.css") for s in sheets)
        assert any(s.endswith("assets/stylesheets/fosterdocs.css") for s in sheets)  # fosterdocs' own still there
        assert any(img["src"].endswith("assets/branding/logo.svg") for img in soup.select(".md-logo img"))
        assert "Acme Fostering, our own footer" in soup.get_text() and not soup.select(".fd-footer-credit")
        assert soup.title.get_text().endswith("Acme documents")
    assert "https://docs.acme.example/acme/" in (site / "sitemap.xml").read_text()


@pytest.mark.parametrize("colours, against", [("primary: '#ffcc00'", "the header's text"),
                                               ("primary: '#1d4f91'\n    on_primary: '#333333'", "the header's text"),
                                               ("primary: '#7a9cc6'", "the white page")])
def test_a_colour_without_aa_contrast_is_refused_with_a_darker_shade_that_passes(repo, run, colours, against):
    _settings(repo, f"branding:\n  colours:\n    {colours}\n")
    code, _, err = run("validate", cwd=repo)
    assert code == 2 and "fosterdocs.yml:3:" in err and against in err and "WCAG 2.2 AA" in err
    suggested = err.split("such as ")[1][:7]
    assert contrast(suggested, "#ffffff") >= AA_TEXT
    assert not (repo / "site").exists()


@pytest.mark.parametrize("text, problem", [
    ("sight:\n  name: Acme\n", "Additional properties are not allowed ('sight' was unexpected)"),
    ("site:\n  url: http://insecure.example\n", "`site.url`"),
    ("site:\n  url: https://example.org/a<b>\n", 'is not a "uri"'),
    ("custom_dir: ../elsewhere\n", "is outside the project"),
    ("custom_dir: theme\n", "there is no custom_dir folder at 'theme'"),
    ("stylesheets: [extra.css]\n", "stylesheets are read from custom_dir"),
    ("branding:\n  logo: logo.svg\n", "there is no logo file at 'logo.svg'"),
    ("site: [\n", "This is not valid YAML here"),
])
def test_a_wrong_setting_stops_every_command_with_where_and_what(repo, run, text, problem):
    (repo.parent / "elsewhere").mkdir(exist_ok=True)
    _settings(repo, text)
    for command in (("validate",), ("build", "--no-pdf"), ("status",)):
        code, out, err = run(*command, cwd=repo / "data")
        assert code == 2 and problem in err and "fosterdocs.yml" in err and "Traceback" not in err, err
