"""How PDFs are written: reproducibly, never half-written, from untrusted text shown as text, and the command's
answers to bad requests."""

from __future__ import annotations

import pikepdf
import pytest

from fosterdocs import pdf
from fosterdocs.cli import main
from fosterdocs.validation import CannotRun, shown
from pdfcheck import EPOCH, KIND, ROOT, TODAY, contexts_of, copy_project, only, pdf_text, source_date_epoch


def test_same_data_and_source_date_epoch_give_the_same_bytes(pdf_paths, contexts, tmp_path):
    """The session's PDFs came from a pool of workers; this one is made in-process, and must be identical."""
    with source_date_epoch(EPOCH):
        [again] = pdf.write_pdfs([only(contexts["example"], KIND)], tmp_path, TODAY, jobs=1)
    assert again.path.read_bytes() == pdf_paths[("example", KIND)].read_bytes()
    assert again.size == again.path.stat().st_size


def test_creation_date_comes_from_source_date_epoch(opened):
    assert str(opened[("example", KIND)].docinfo.CreationDate) == "D:20260921141320Z"
    assert str(opened[("example", KIND)].docinfo.ModDate) == "D:20260921141320Z"


def test_a_failed_render_leaves_the_previous_pdf_untouched(contexts, tmp_path, monkeypatch):
    service = only(contexts["example"], KIND)
    target = tmp_path / "example" / service.documents[KIND].pdf_name
    target.parent.mkdir()
    target.write_bytes(b"the previous edition")

    class FailsHalfWay(pdf.HTML):
        def write_pdf(self, target=None, **options):
            target.write(b"%PDF-1.7\n% half a document")
            raise MemoryError("rendering stopped")

    monkeypatch.setattr(pdf, "HTML", FailsHalfWay)
    with pytest.raises(MemoryError):
        pdf.write_pdfs([service], tmp_path, TODAY, jobs=1)
    assert target.read_bytes() == b"the previous edition"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_text_from_the_data_is_printed_as_text(tmp_path):
    project = copy_project(tmp_path)
    document = project / "data/example/statement-of-purpose.yaml"
    hostile = "<script>alert(1)</script> <b>not bold</b> {{ 7*7 }} {% include 'print.css' %}"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("  title: Introduction\n", f'  title: "Intro {{{{ config }}}}"\n', 1)
                        .replace("    - A copy is sent to Ofsted", f'    - "{hostile}"\n    - A copy is sent to Ofsted', 1),
                        encoding="utf-8")
    [written] = pdf.write_pdfs([only(contexts_of(project / "data")["example"], KIND)], tmp_path / "out", TODAY)
    printed = " ".join(" ".join(pdf_text(written.path)).split())
    assert hostile in printed and "Intro {{ config }}" in printed
    with pikepdf.open(written.path) as opened:
        assert "Intro {{ config }}" in [item.title for item in opened.open_outline().root[0].children]


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
