"""How PDFs are written: reproducibly, never half-written, from untrusted text shown as text, and the command's
answers to bad requests."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
import weasyprint
from pdfcheck import EPOCH, KIND, ROOT, TODAY, contexts_of, copy_project, only, pdf_text, source_date_epoch
from PIL import Image

from fosterdocs import pdf
from fosterdocs.cli import main
from fosterdocs.project import CannotRun, shown


def test_same_data_and_source_date_epoch_give_the_same_bytes(pdf_paths, contexts, tmp_path):
    """The session's PDFs came from a pool of workers; these are made in this process, and must be identical."""
    with source_date_epoch(EPOCH):
        again = pdf.write_pdfs([contexts["example"]], tmp_path, TODAY, jobs=1)
    assert [(f.service_id, f.name) for f in again] == [("example", name) for name in contexts["example"].documents]
    for written in again:
        assert written.path.read_bytes() == pdf_paths[("example", written.name)].read_bytes()
        assert written.size == written.path.stat().st_size


def test_many_documents_are_made_in_batches_of_fresh_workers(pdf_paths, contexts, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "TASKS_PER_WORKER", 1)  # batches of two documents
    guides = [name for name in contexts["norfolk"].documents if name.startswith("childrens-guide")]
    service = replace(contexts["norfolk"], documents={name: contexts["norfolk"].documents[name] for name in guides})
    with source_date_epoch(EPOCH):
        written = pdf.write_pdfs([service], tmp_path, TODAY, jobs=2)
    assert len(guides) == 3 and [f.name for f in written] == guides
    assert all(f.path.read_bytes() == pdf_paths[("norfolk", f.name)].read_bytes() for f in written)


def test_creation_date_comes_from_source_date_epoch(opened):
    assert str(opened[("example", KIND)].docinfo.CreationDate) == "D:20260921141320Z"
    assert str(opened[("example", KIND)].docinfo.ModDate) == "D:20260921141320Z"


def test_a_failed_render_leaves_the_previous_pdf_untouched(contexts, tmp_path, monkeypatch):
    service = only(contexts["example"], KIND)
    target = tmp_path / "example" / service.documents[KIND].pdf_name
    target.parent.mkdir()
    target.write_bytes(b"the previous edition")

    class FailsHalfWay(weasyprint.HTML):
        def write_pdf(self, target=None, **options):
            target.write(b"%PDF-1.7\n% half a document")
            raise MemoryError("rendering stopped")

    monkeypatch.setattr(weasyprint, "HTML", FailsHalfWay)
    with pytest.raises(MemoryError):
        pdf.write_pdfs([service], tmp_path, TODAY, jobs=1)
    assert target.read_bytes() == b"the previous edition"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


HOSTILE = "<script>alert(1)</script> <b>not bold</b> {{ 7*7 }} {% include 'print.css' %}"
REASON = "The service is being restructured; the new chart follows in March."


@pytest.fixture(scope="module")
def changed_example(tmp_path_factory) -> Path:
    """The example's statement with markup and template syntax in its text and a downgrade in service.yaml."""
    base = tmp_path_factory.mktemp("changed")
    project = copy_project(base)
    document = project / "data/example/statement-of-purpose.yaml"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("  title: Introduction\n", '  title: "Intro {{ config }}"\n', 1)
                        .replace("    - A copy is sent to Ofsted",
                                 f'    - "{HOSTILE}"\n    - A copy is sent to Ofsted', 1),
                        encoding="utf-8")
    with (project / "data/example/service.yaml").open("a", encoding="utf-8") as service:
        service.write(f"downgrades:\n  - requirement: SOP-MANAGEMENT\n    reason: {REASON}\n")
    [written] = pdf.write_pdfs([only(contexts_of(project / "data")["example"], KIND)], base / "out", TODAY)
    return written.path


def test_text_from_the_data_is_printed_as_text(changed_example):
    printed = " ".join(" ".join(pdf_text(changed_example)).split())
    assert HOSTILE in printed and "Intro {{ config }}" in printed
    with pikepdf.open(changed_example) as opened:
        assert "Intro {{ config }}" in [item.title for item in opened.open_outline().root[0].children]


def test_the_services_reasons_for_departing_from_expected_practice_are_printed(changed_example):
    printed = " ".join(" ".join(pdf_text(changed_example)).split())
    assert "Where the service departs from expected practice" in printed
    assert f"SOP-MANAGEMENT {REASON}" in printed


class EndsTheWorker:
    """Stands in for a date; a worker process that receives it exits at once, as one killed for memory would."""

    def __reduce__(self):
        return os._exit, (1,)


def test_a_worker_that_dies_is_reported_not_a_traceback(contexts, tmp_path):
    with pytest.raises(CannotRun, match="stopped unexpectedly"):
        pdf.write_pdfs([contexts["example"]], tmp_path, EndsTheWorker(), jobs=2)
    assert not list(tmp_path.rglob("*.pdf"))


def guide_with_picture(tmp_path, picture: str) -> Path:
    """A copy of the example whose under-8 guide starts with a picture block; returns the rendered PDF."""
    project = copy_project(tmp_path)
    (project / "data/example/pictures").mkdir()
    Image.new("RGB", (40, 30), "orange").save(project / "data/example/pictures/home.png")
    Image.new("RGB", (40, 30), "purple").save(project / "data/outside.png")
    guide = project / "data/example/childrens-guide-under-8.yaml"
    guide.write_text(guide.read_text(encoding="utf-8").replace(
        "    - This book is for you.\n", f"    - picture: {picture}\n    - This book is for you.\n", 1),
        encoding="utf-8")
    service = contexts_of(project / "data")["example"]
    [written] = pdf.write_pdfs([only(service, "childrens-guide-under-8")], tmp_path / "out", TODAY)
    return written.path


def images_and_figures(path: Path) -> tuple[int, list[str]]:
    """How many images a PDF draws, and the alt text of its Figure structure elements."""
    with pikepdf.open(path) as opened:
        images = sum(isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image" for o in opened.objects)
        alts, stack = [], [opened.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.S == "/Figure":
                        alts.append(str(kid.get("/Alt", "")))
                    stack.append(kid)
    return images, alts


def test_a_picture_from_the_service_folder_is_drawn_with_its_alt_text(tmp_path):
    path = guide_with_picture(tmp_path, "{file: pictures/home.png, alt: A foster family eating tea together}")
    assert images_and_figures(path) == (1, ["A foster family eating tea together"])


def test_a_file_outside_the_service_folder_is_never_read(tmp_path):
    """The schema refuses such a path; if one got through, the PDF still would not read it."""
    path = guide_with_picture(tmp_path, "{file: ../outside.png, alt: Something private}")
    assert images_and_figures(path)[0] == 0


def test_pdf_command_names_an_unknown_service(capsys):
    assert main(["pdf", "no-such-service", "--data", str(ROOT / "data")]) == 2
    out, err = capsys.readouterr()
    assert err.strip() == "fosterdocs: There is no service called 'no-such-service' in " \
        f"{shown(ROOT / 'data')}." and not out


def test_pdf_command_reports_a_folder_it_cannot_write(tmp_path, capsys):
    blocker = tmp_path / "site"
    blocker.write_text("a file where the output folder should be")
    code = main(["pdf", "example", "--data", str(ROOT / "data"), "--out", str(blocker)])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith(f"fosterdocs: Could not write {blocker / 'example'}") \
        and "Traceback" not in err


def test_a_bad_source_date_epoch_is_refused(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(CannotRun, match="SOURCE_DATE_EPOCH is 'yesterday'"):
        pdf.created_time()
