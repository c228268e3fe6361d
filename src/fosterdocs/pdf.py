"""The same context as the website -> print HTML -> one tagged, bookmarked PDF/UA-1 file per document."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .confinement import check_output_folder
from .context import ServiceContext, gather
from .findings import Finding, Report
from .pictures import publishable_only
from .project import CannotRun, Project
from .rendering import RENDER_ERRORS, environment, unshowable

PRINT_TEMPLATES = Path(__file__).parent / "templates" / "print"
DRAFT_MARK = "DRAFT — not for lodging"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
TASKS_PER_WORKER = 40  # documents; then fresh worker processes, so the memory WeasyPrint keeps stays bounded


@dataclass(frozen=True)
class PdfFile:
    """A PDF written for one document of one service (kind: the document's key in ServiceContext.documents)."""

    service_id: str
    kind: str
    path: Path
    size: int
    draft: bool = False
    problem: Finding | None = None  # why it could not be made (then nothing was written)


class LocalFilesOnly(URLFetcher):
    """Fetches our stylesheet and files in the given folders (a service's pictures), nothing else: data can never
    make a PDF read the network or a file elsewhere."""

    def __init__(self, *folders: Path):
        super().__init__(allowed_protocols=["file"])
        self.folders = [folder.resolve() for folder in folders]

    def fetch(self, url, headers=None):
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(folder) for folder in self.folders):
            raise ValueError(f"fosterdocs does not fetch {url} for a PDF")
        return super().fetch(url, headers)


def created_time() -> str:
    """When the PDFs are made (W3C date-time): SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        raise CannotRun(f"SOURCE_DATE_EPOCH is '{epoch}', not a number of seconds since 1970.") from None


def print_html(context: ServiceContext, kind: str, today: date, created: str) -> str:
    """The print HTML of one document: cover, contents, facts, sections through the shared templates."""
    template = environment(str(PRINT_TEMPLATES)).get_template("document.html")
    return template.render(service=context, document=context.documents[kind], today=today, created=created,
                           draft_mark=DRAFT_MARK, stylesheet=(PRINT_TEMPLATES / "print.css").as_uri())


def render(html: str, target: Path, folder: Path | None = None) -> int:
    """Write html as a PDF at target, through a temporary file in the same folder: never a half-written PDF.

    Relative links (a service's pictures) are read from folder."""
    base = folder or PRINT_TEMPLATES
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, part = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            HTML(string=html, base_url=base.as_uri() + "/",
                 url_fetcher=LocalFilesOnly(PRINT_TEMPLATES, base)).write_pdf(out, **PDF_OPTIONS)
        os.chmod(part, 0o644)
        os.replace(part, target)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
    return target.stat().st_size


def write_pdf(context: ServiceContext, kind: str, out_dir: Path, today: date, created: str) -> PdfFile:
    """One document's PDF at out_dir/<service>/<pdf name>."""
    target = out_dir / context.id / context.documents[kind].pdf_name
    try:
        size = render(print_html(context, kind, today, created), target, context.folder)
    except OSError as err:
        raise CannotRun(f"Could not write {target}: {err.strerror or err}.") from None
    except RENDER_ERRORS as error:
        return PdfFile(context.id, kind, target, 0, True, unshowable(context, kind, error))
    return PdfFile(context.id, kind, target, size, context.documents[kind].is_preview)


def _write_task(task: tuple) -> PdfFile:
    return write_pdf(*task)


def write_pdfs(contexts: list[ServiceContext], out_dir: Path, today: date, jobs: int | None = None) -> list[PdfFile]:
    """A PDF for every document of every service, in order; on more than one core, several at once."""
    created = created_time()
    tasks = [(context, kind, Path(out_dir), today, created) for context in contexts for kind in context.documents]
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs <= 1:
        return [_write_task(task) for task in tasks]
    # forkserver: workers start from a clean process that has already imported WeasyPrint. WeasyPrint keeps a little
    # memory after each document, so each batch gets fresh workers (max_tasks_per_child would do it, but it can
    # deadlock: CPython issue gh-115634).
    start = multiprocessing.get_context("forkserver")
    start.set_forkserver_preload([__name__])
    batch, written = jobs * TASKS_PER_WORKER, []
    try:
        for first in range(0, len(tasks), batch):
            with ProcessPoolExecutor(jobs, mp_context=start) as pool:
                written += pool.map(_write_task, tasks[first:first + batch])
    except BrokenProcessPool:
        raise CannotRun("A process making PDFs stopped unexpectedly (was the computer out of memory?). "
                        "Try again with fewer services at a time.") from None
    return written


def make_pdfs(data: Path, services: list[str], out_dir: Path, today: date) -> tuple[Report, list[PdfFile]]:
    """Check the named services (or every one), then write their PDFs: what `fosterdocs pdf` does. A document whose
    PDF cannot be made is a finding (render/unshowable)."""
    project = Project.find(data)
    report, chosen = gather(project, services, today)
    check_output_folder(out_dir, project.data, "PDFs")
    publishable_only(chosen)
    files = write_pdfs(chosen, out_dir, today)
    report.findings += [file.problem for file in files if file.problem]
    return report, [file for file in files if not file.problem]
