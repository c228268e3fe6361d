"""`fosterdocs build`, `publish` and `serve`: the publication gate, and output that is replaced in one step or not
at all."""

from __future__ import annotations

import hashlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from website import DATA, ROOT, TODAY, content, make_project

from fosterdocs import publishing
from fosterdocs.cli import main
from fosterdocs.project import CannotRun
from fosterdocs.publishing import MARKER, build


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under folder with a hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str) -> int:
    return main([*args, "--today", TODAY.isoformat()])


def test_publish_refuses_while_an_error_stands_and_writes_nothing(tmp_path, capsys):
    target = tmp_path / "public"
    assert run("publish", "norfolk", "--data", str(DATA), "--site-dir", str(target)) == 1
    out = capsys.readouterr().out
    assert "error" in out and "Not published" in out and "statement-of-purpose.yaml" in out
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_publish_writes_only_documents_without_errors_and_leaves_the_site_alone_when_refused(tmp_path, capsys):
    target = tmp_path / "public"
    assert run("publish", "example", "--data", str(DATA), "--site-dir", str(target)) == 0
    before = snapshot(target)
    assert [p.name for p in sorted(target.iterdir()) if p.is_dir() and p.name not in ("assets", "search")] == [
        "accessibility", "example", "review-calendar", "rules"]
    for page in target.rglob("index.html"):
        assert not content(page).select(".fd-preview, .fd-badge"), page
    pdfs = sorted((target / "example").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "DRAFT" not in text, pdf
    capsys.readouterr()
    assert run("publish", "example", "norfolk", "--data", str(DATA), "--site-dir", str(target)) == 1  # norfolk fails
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path, monkeypatch):
    data = make_project(tmp_path / "project", ["example"])
    target = tmp_path / "site"
    build(data, target, TODAY, pdfs=False)
    before = snapshot(target)

    def fails_half_way(config):
        Path(config.site_dir).mkdir(parents=True, exist_ok=True)
        Path(config.site_dir, "index.html").write_text("half a site", encoding="utf-8")
        raise Abort("stopped half way")

    monkeypatch.setattr(publishing, "mkdocs_build", fails_half_way)
    with pytest.raises(CannotRun, match="stopped half way"):
        build(data, target, TODAY, pdfs=False)
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging folder left behind


def test_a_new_build_replaces_the_old_one_completely(tmp_path):
    data = make_project(tmp_path / "project", ["example"])
    target = tmp_path / "site"
    build(data, target, TODAY, pdfs=False)
    (data / "example").rename(data / "otherton")
    build(data, target, TODAY, pdfs=False)
    assert (target / "otherton" / "index.html").is_file()
    assert not (target / "example").exists()
    assert (target / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_build_never_replaces_a_folder_it_did_not_write(tmp_path, capsys):
    target = tmp_path / "documents"
    target.mkdir()
    (target / "notes.txt").write_text("someone's notes", encoding="utf-8")
    assert run("build", "example", "--data", str(DATA), "--site-dir", str(target), "--no-pdf") == 2
    assert "did not write" in capsys.readouterr().err
    assert snapshot(target) == {"notes.txt": hashlib.sha256(b"someone's notes").hexdigest()}


def test_the_site_never_goes_inside_the_data_folder(tmp_path, capsys):
    data = make_project(tmp_path / "project", ["example"])
    assert run("build", "--data", str(data), "--site-dir", str(data / "site"), "--no-pdf") == 2
    assert "inside the data folder" in capsys.readouterr().err
    assert sorted(p.name for p in data.iterdir()) == ["example", "reference"]


def test_an_unknown_service_cannot_be_built(tmp_path, capsys):
    assert run("build", "nowhere", "--data", str(DATA), "--site-dir", str(tmp_path / "site")) == 2
    assert "no service called 'nowhere'" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    """The page at url once it contains text (the server rebuilds in the background)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r}")


def test_serve_previews_the_site_and_rebuilds_when_the_data_changes(tmp_path):
    data = make_project(tmp_path / "project", ["example"])
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "fosterdocs.cli", "serve", "--data", str(data), "--dev-addr",
                               f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        home = f"http://127.0.0.1:{port}/"
        wait_for(home, "Exampleshire Fostering Service")
        service = data / "example" / "service.yaml"
        service.write_text(service.read_text(encoding="utf-8").replace(
            "name: Exampleshire Fostering Service", "name: Newly Renamed Fostering Service"), encoding="utf-8")
        wait_for(home, "Newly Renamed Fostering Service")
        wait_for(home + "example/contacts/", "Newly Renamed Fostering Service")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_documents_pictures_are_beside_its_page_with_their_alt_text(tmp_path):
    data = make_project(tmp_path / "project", ["example"])
    (data / "example" / "pictures").mkdir()
    shutil.copyfile(ROOT / "tests/guides/fixtures/pictures/home.png", data / "example/pictures/home.png")
    guide = data / "example" / "childrens-guide-under-8.yaml"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("    - This book is for you.\n", "    - This book is for you.\n    - picture:\n"
                                  "        file: pictures/home.png\n        alt: A house with a red door\n", 1),
                     encoding="utf-8")
    outcome = build(data, tmp_path / "site", TODAY, ["example"], pdfs=False)
    page = outcome.site_dir / "example" / "childrens-guide-under-8" / "index.html"
    assert '<img src="pictures/home.png" alt="A house with a red door">' in page.read_text(encoding="utf-8")
    assert (page.parent / "pictures" / "home.png").read_bytes() == (data / "example/pictures/home.png").read_bytes()


def test_a_project_without_its_own_site_configuration_builds_into_a_folder_named_relative_to_it(tmp_path, monkeypatch):
    """A service's own repository (fosterdocs.yml and data/ only) uses the installed mkdocs.yml, whose folder is not
    the project's: --site-dir is still where the person running the command means."""
    shutil.copytree(DATA / "example", tmp_path / "data" / "example")
    (tmp_path / "fosterdocs.yml").write_text("site:\n  name: Example documents\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "example", "--no-pdf", "--site-dir", "out", "--today", TODAY.isoformat()]) == 0
    assert "Exampleshire" in (tmp_path / "out" / "example" / "index.html").read_text(encoding="utf-8")
