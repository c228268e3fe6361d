"""The same context as the website -> print HTML -> one tagged, bookmarked PDF/UA-1 file per document."""

from __future__ import annotations

import hashlib
import json
import multiprocessing.forkserver
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .atomic import replace_file
from .confinement import check_output_folder, inside
from .context import ServiceContext, gather
from .findings import Finding, Report
from .pictures import publishable_only
from .project import CannotRun, Project
from .rendering import RENDER_ERRORS, environment, unshowable

PRINT_TEMPLATES = Path(__file__).parent / "templates" / "print"
DRAFT_MARK = "DRAFT — not for lodging"
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
TASKS_PER_WORKER = 40  # documents; then fresh worker processes, so the memory WeasyPrint keeps stays bounded
CACHE = ".fosterdocs-cache/pdf"  # in the project: the PDFs made, by the hash of everything that went into them
CACHE_DAYS = 30  # an entry not used for this long is removed
_MADE_AT = re.compile(r'(<meta name="dcterms\.(?:created|modified)" content=")[^"]*(")')


@dataclass(frozen=True)
class PdfFile:
    """A PDF written for one document of one service (name: the document's key in ServiceContext.documents)."""

    service_id: str
    name: str
    path: Path
    size: int
    draft: bool = False
    problem: Finding | None = None  # why it could not be made (then nothing was written)


def local_files_only(*folders: Path):
    """A WeasyPrint URL fetcher for our stylesheet and files in the given folders (a service's pictures), nothing
    else: data can never make a PDF read the network or a file elsewhere. It keeps the list of the files it fetched
    (`fetched`). (WeasyPrint is imported here, when a PDF is made: it takes most of a second.)"""
    from weasyprint.urls import URLFetcher

    class LocalFilesOnly(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=["file"])
            self.folders = [folder.resolve() for folder in folders]
            self.fetched: list[Path] = []

        def fetch(self, url, headers=None):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(folder) for folder in self.folders):
                raise ValueError(f"fosterdocs does not fetch {url} for a PDF")
            self.fetched.append(path)
            return super().fetch(url, headers)

    return LocalFilesOnly()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # gone: never the hash of a file


@lru_cache(maxsize=1)
def _fonts() -> str | None:
    """What identifies the fonts WeasyPrint can choose from (fontconfig's list: each file's path, size and time);
    None when fontconfig cannot be asked, and then nothing is reused."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    found = []
    for name in sorted(set(listed.stdout.decode("utf-8", "replace").splitlines())):
        try:
            info = os.stat(name)
        except OSError:
            continue
        found.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(found).encode("utf-8")).hexdigest()


class PdfCache:
    """The PDFs already made, kept in the project (CACHE) by a hash of what makes them: the HTML given to WeasyPrint
    (but for the time it is made, in its metadata, unless SOURCE_DATE_EPOCH sets it), WeasyPrint's and pydyf's
    versions, the PDF options, the fonts fontconfig offers, and each file the rendering read (the stylesheet, the
    pictures: checked again each time). A cache that cannot be read or written is passed by, never an error."""

    def __init__(self, folder: Path):
        self.folder = folder
        # made at the time of the build (no SOURCE_DATE_EPOCH): that time is not part of the key, so a PDF whose
        # content has not changed keeps the time it was made; with SOURCE_DATE_EPOCH the HTML is the key as it is
        self.timed = not os.environ.get("SOURCE_DATE_EPOCH", "").strip()

    def key(self, html: str, base: Path) -> str | None:
        fonts = _fonts()
        if fonts is None:
            return None
        made = _MADE_AT.sub(r"\1\2", html) if self.timed else html
        parts = [made, str(base.resolve()), version("weasyprint"), version("pydyf"),
                 repr(sorted(PDF_OPTIONS.items())), fonts]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def reuse(self, key: str, target: Path) -> bool:
        """Put the PDF made for key at target (through a temporary file), if it was made and every file it read is
        as it was then."""
        entry, made = self.folder / f"{key}.json", self.folder / f"{key}.pdf"
        try:
            read = json.loads(entry.read_text(encoding="utf-8"))["read"]
            if any(_file_hash(Path(path)) != digest for path, digest in read.items()) or not made.is_file():
                return False
            _copy(made, target)
            os.utime(entry)  # (used: kept)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        return True

    def keep(self, key: str, target: Path, read: list[Path]) -> None:
        """Keep the PDF at target, made for key from the files read; where the cache cannot be written, nothing is
        kept."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _copy(target, self.folder / f"{key}.pdf")
            manifest = json.dumps({"read": {str(path): _file_hash(path) for path in dict.fromkeys(read)}})
            _place(lambda out: out.write(manifest.encode("utf-8")), self.folder / f"{key}.json")
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the entries not used for CACHE_DAYS."""
        limit = time.time() - CACHE_DAYS * 86400
        for entry in self.folder.glob("*.json") if self.folder.is_dir() else ():
            try:
                if entry.stat().st_mtime < limit:
                    entry.unlink()
                    entry.with_suffix(".pdf").unlink(missing_ok=True)
            except OSError:
                pass


def created_time() -> str:
    """When the PDFs are made (W3C date-time): SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        raise CannotRun(f"SOURCE_DATE_EPOCH is '{epoch}', not a number of seconds since 1970.") from None


def print_html(context: ServiceContext, name: str, today: date, created: str) -> str:
    """The print HTML of one document: cover, contents, facts, sections through the shared templates."""
    template = environment(str(PRINT_TEMPLATES)).get_template("document.html")
    return template.render(service=context, document=context.documents[name], today=today, created=created,
                           draft_mark=DRAFT_MARK, stylesheet=(PRINT_TEMPLATES / "print.css").as_uri())


def _place(write, target: Path) -> None:
    """Write a file in its folder (made if need be) in one step: never a half-written one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_file(target, write)


def _copy(source: Path, target: Path) -> None:
    with source.open("rb") as read:
        _place(lambda out: shutil.copyfileobj(read, out), target)


def cache_folder(root: Path) -> Path | None:
    """Where the project keeps the PDFs it made (None: a link would take it out of the project)."""
    folder = root / CACHE
    return folder if inside(folder, root) else None


def render(html: str, target: Path, folder: Path | None = None, cache: PdfCache | None = None) -> int:
    """Write html as a PDF at target, through a temporary file in the same folder: never a half-written PDF. With a
    cache, a PDF made before from exactly the same input is reused, and a new one is kept.

    Relative links (a service's pictures) are read from folder."""
    base = folder or PRINT_TEMPLATES
    key = cache.key(html, base) if cache else None
    if key and cache.reuse(key, target):
        return target.stat().st_size
    from weasyprint import HTML

    fetcher = local_files_only(PRINT_TEMPLATES, base)
    _place(lambda out: HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher).write_pdf(
        out, **PDF_OPTIONS), target)
    if key:
        cache.keep(key, target, fetcher.fetched)
    return target.stat().st_size


def write_pdf(context: ServiceContext, name: str, out_dir: Path, today: date, created: str,
              cache: PdfCache | None = None) -> PdfFile:
    """One document's PDF at out_dir/<service>/<pdf name>."""
    target = out_dir / context.id / context.documents[name].pdf_name
    try:
        size = render(print_html(context, name, today, created), target, context.folder, cache)
    except OSError as err:
        raise CannotRun(f"Could not write {target}: {err.strerror or err}.") from None
    except RENDER_ERRORS as error:
        return PdfFile(context.id, name, target, 0, True, unshowable(context, name, error))
    return PdfFile(context.id, name, target, size, context.documents[name].is_preview)


def _write_task(task: tuple) -> PdfFile:
    return write_pdf(*task)


def write_pdfs(contexts: list[ServiceContext], out_dir: Path, today: date, jobs: int | None = None,
               cache: Path | None = None) -> list[PdfFile]:
    """A PDF for every document of every service, in order; on more than one core, several at once. cache: the
    folder of PDFs already made (PdfCache): those whose input has not changed are reused, and only the others are
    made."""
    created = created_time()
    kept = PdfCache(cache) if cache else None
    if kept:
        kept.prune()
    tasks = [(context, name, Path(out_dir), today, created, kept) for context in contexts for name in context.documents]
    written: list[PdfFile | None] = [_reused(task) if kept else None for task in tasks]
    pending = [task for task, done in zip(tasks, written) if done is None]
    made = iter(_write_all(pending, jobs))
    return [done or next(made) for done in written]


def _reused(task: tuple) -> PdfFile | None:
    """The document's PDF from the cache, when it holds one made from the same input (None: it is to be made)."""
    context, name, out_dir, today, created, cache = task
    document = context.documents[name]
    target = out_dir / context.id / document.pdf_name
    try:
        html = print_html(context, name, today, created)
    except RENDER_ERRORS:
        return None  # (write_pdf says why)
    key = cache.key(html, context.folder or PRINT_TEMPLATES)
    if key and cache.reuse(key, target):
        return PdfFile(context.id, name, target, target.stat().st_size, document.is_preview)
    return None


def _workers() -> multiprocessing.context.BaseContext:
    """forkserver: workers start from a clean process that has already imported WeasyPrint."""
    start = multiprocessing.get_context("forkserver")
    start.set_forkserver_preload([__name__, "weasyprint"])
    return start


def warm_up() -> None:
    """On more than one core, start the process PDF workers come from now: it imports WeasyPrint (half a second) on
    the other core while the data is checked. Unused when every PDF is reused; gone when the command ends."""
    if (os.cpu_count() or 1) > 1:
        _workers()
        multiprocessing.forkserver.ensure_running()


def _write_all(tasks: list[tuple], jobs: int | None) -> list[PdfFile]:
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs <= 1:
        return [_write_task(task) for task in tasks]
    # WeasyPrint keeps a little memory after each document, so each batch gets fresh workers (max_tasks_per_child
    # would do it, but it can deadlock: CPython issue gh-115634).
    start = _workers()
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
    warm_up()
    project = Project.find(data)
    report, chosen = gather(project, services, today)
    check_output_folder(out_dir, project.data, "PDFs")
    publishable_only(chosen)
    files = write_pdfs(chosen, out_dir, today, cache=cache_folder(project.root))
    report.findings += [file.problem for file in files if file.problem]
    return report, [file for file in files if not file.problem]
