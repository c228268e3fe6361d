"""Nothing is read from outside a service's folder and nothing is written outside the chosen output folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hardening_support import TODAY, fosterdocs
from PIL import Image

GUIDE = "childrens-guide-under-8.yaml"
FIRST_BLOCK = "    - This book is for you.\n"


def with_picture(data: Path, file: str, service: str = "example") -> None:
    """Start the under-8 guide with a picture block naming file."""
    guide = data / service / GUIDE
    text = guide.read_text(encoding="utf-8")
    assert text.count(FIRST_BLOCK) >= 1
    guide.write_text(text.replace(FIRST_BLOCK, f"    - picture: {{file: {json.dumps(file)}, alt: A house}}\n"
                                  + FIRST_BLOCK, 1), encoding="utf-8")


def picture_sources(page: Path) -> list[str]:
    """The src of every picture in a document's content on a built page."""
    return [img["src"] for img in BeautifulSoup(page.read_bytes(), "html.parser").select(".fd-document img")]


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def build_writes_only_the_site(project: Path, tmp_path: Path, before: set[str]) -> None:
    """Build the example into out/site, and check that nothing is written anywhere under tmp_path but there."""
    code, out, err = fosterdocs("build", "example", "--site-dir", "out/site", "--no-pdf", "--today", TODAY,
                                cwd=project)
    assert code == 0, err
    assert {p for p in files_under(tmp_path) - before if not p.startswith("project/out/site/")} == {
        "project/out", "project/out/site"}


def test_a_picture_path_through_a_symlink_cannot_write_outside_the_site(data, tmp_path):
    project = data.parent
    service = data / "example"
    deep = service / "a/b/c/d/e/f/g/h"
    deep.mkdir(parents=True)
    (service / "L").symlink_to("a/b/c/d/e/f/g/h")
    (service / "a/victim").mkdir()
    Image.new("RGB", (4, 4)).save(service / "a/victim/target.png")
    with_picture(data, "L/../../../../../../../victim/target.png")  # inside the service, read through L
    before = files_under(tmp_path)
    build_writes_only_the_site(project, tmp_path, before)
    assert not list((project / "out/site").rglob("target.png"))


@pytest.mark.parametrize("file", ["../../victim.png", "../../../../../../../victim.png", "/tmp/victim.png"])
def test_a_picture_path_leaving_the_service_is_a_finding_and_is_not_copied(data, file, tmp_path):
    project = data.parent
    Image.new("RGB", (4, 4)).save(project / "victim.png")
    before = files_under(tmp_path)
    with_picture(data, file)
    code, out, err = fosterdocs("validate", "data/example", "--format", "json", "--today", TODAY, cwd=project)
    assert code == 1
    assert "pictures/file-name" in {f["rule"] for f in json.loads(out)["findings"]}
    build_writes_only_the_site(project, tmp_path, before)
    assert not list((project / "out").rglob("victim.png"))


def test_a_symlinked_document_is_refused_with_a_finding_and_never_published(data, tmp_path):
    project = data.parent
    secret = tmp_path / "secret.yaml"
    handbook = data / "example/carer-handbook.yaml"
    secret.write_text(handbook.read_text(encoding="utf-8").replace("Foster Carer Handbook", "TOP SECRET WORDS", 1),
                      encoding="utf-8")
    assert "TOP SECRET WORDS" in secret.read_text(encoding="utf-8")
    handbook.unlink()
    handbook.symlink_to(secret)
    code, out, err = fosterdocs("validate", "data/example", "--format", "json", "--today", TODAY, cwd=project)
    assert code == 1
    found = [f for f in json.loads(out)["findings"] if f["file"].endswith("carer-handbook.yaml")]
    assert [f["rule"] for f in found] == ["file/outside-data"]
    code, out, err = fosterdocs("build", "example", "--site-dir", "out", "--today", TODAY, cwd=project)
    assert code == 0, err
    for page in (project / "out").rglob("*"):
        if page.is_file() and page.suffix in (".html", ".json", ".pdf"):
            assert b"TOP SECRET" not in page.read_bytes(), page


def test_a_symlinked_folder_under_data_is_not_a_service(data, tmp_path):
    project = data.parent
    (data / "linked").symlink_to(data / "example", target_is_directory=True)
    code, out, err = fosterdocs("validate", "data", "--format", "json", "--today", TODAY, cwd=project)
    assert list(json.loads(out)["summary"]["services"]) == ["example"]
    code, out, err = fosterdocs("build", "--site-dir", "out", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 0, err
    assert not (project / "out/linked").exists()
    code, out, err = fosterdocs("build", "linked", "--site-dir", "out", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 2 and "no service called 'linked'" in err


@pytest.mark.parametrize("command", ["build", "publish"])
@pytest.mark.parametrize("where", [".", "data", "data/example", "data/new-site", "..", "../.."])
def test_the_site_folder_may_not_be_contain_or_sit_in_the_project_or_its_data(data, command, where):
    project = data.parent
    (project / ".fosterdocs-site").write_text("", encoding="utf-8")  # a marker cannot make the project replaceable
    before = files_under(project)
    code, out, err = fosterdocs(command, "example", "--site-dir", where, "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 2, out + err
    assert "fosterdocs:" in err and "\n" not in err.strip()
    assert files_under(project) == before


@pytest.mark.parametrize("where", [".", "data", "data/example/pdf", ".."])
def test_the_pdf_folder_may_not_be_contain_or_sit_in_the_project_or_its_data(data, where):
    project = data.parent
    before = files_under(project)
    code, out, err = fosterdocs("pdf", "example", "--out", where, "--today", TODAY, cwd=project)
    assert code == 2, out + err
    assert files_under(project) == before


def test_a_site_folder_beside_the_data_in_the_project_is_fine(data):
    project = data.parent
    code, out, err = fosterdocs("build", "example", "--site-dir", "site", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 0, err
    assert (project / "site/example/index.html").is_file()


@pytest.mark.parametrize("file,content", [
    ("pictures/drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("pictures/page.html", b"<script>alert(1)</script>"),
    ("pictures/fake.png", b"<html><script>alert(1)</script></html>"),
])
def test_only_raster_pictures_from_the_service_are_published(data, file, content):
    project = data.parent
    (data / "example/pictures").mkdir()
    (data / "example" / file).write_bytes(content)
    with_picture(data, file)
    code, out, err = fosterdocs("validate", "data/example", "--format", "json", "--today", TODAY, cwd=project)
    assert code == 1
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert rules & {"pictures/file-name", "pictures/not-a-picture"}, rules
    code, out, err = fosterdocs("build", "example", "--site-dir", "out", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 0, err
    assert not list((project / "out").rglob(Path(file).name))
    assert picture_sources(project / "out/example/childrens-guide-under-8/index.html") == []
    code, out, err = fosterdocs("publish", "example", "--site-dir", "public", "--no-pdf", "--today", TODAY,
                                cwd=project)
    assert code == 1 and not (project / "public").exists()


def test_a_real_png_is_published_beside_its_page(data):
    project = data.parent
    (data / "example/pictures").mkdir()
    Image.new("RGB", (4, 4), "orange").save(data / "example/pictures/home.png")
    with_picture(data, "pictures/home.png")
    code, out, err = fosterdocs("publish", "example", "--site-dir", "public", "--no-pdf", "--today", TODAY,
                                cwd=project)
    assert code == 0, out + err
    assert (project / "public/example/childrens-guide-under-8/pictures/home.png").is_file()
    assert picture_sources(project / "public/example/childrens-guide-under-8/index.html") == ["pictures/home.png"]


@pytest.mark.parametrize("source", ["https://tracker.example.net/pixel.png", "javascript:alert(1)",
                                    "data:image/png;base64,iVBORw0KGgo=", "//evil.example.net/x.png"])
def test_previews_never_emit_a_picture_source_publish_would_refuse(data, source):
    project = data.parent
    with_picture(data, source)
    code, out, err = fosterdocs("build", "example", "--site-dir", "out", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 0, err
    page = project / "out/example/childrens-guide-under-8/index.html"
    assert picture_sources(page) == []
    soup = BeautifulSoup(page.read_bytes(), "html.parser")
    assert not [tag for tag in soup.find_all(True) for value in tag.attrs.values() if source in str(value)]
    assert "A house" in BeautifulSoup(page.read_bytes(), "html.parser").select_one(".fd-document").text
