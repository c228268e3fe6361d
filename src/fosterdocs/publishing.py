"""Build and publish the website and PDFs: validate, build everything in a staging folder, then swap it into place.

A run that fails or is refused leaves the previous output exactly as it was.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import context as contexts_of
from .context import ServiceContext
from .findings import ERROR, Report
from .site import SITE_KEY, Site, write_pages
from .validation import CannotRun, Project, shown, validate

MARKER = ".fosterdocs-site"  # in every site we write: only such a folder (or an empty one) is ever replaced
CONFIG = "mkdocs.yml"  # beside the data folder, with content/, overrides/ and macros/
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

log = logging.getLogger("fosterdocs")


@dataclass
class Outcome:
    """What a build or publish did: the checked report, the services it covered and what it wrote."""

    report: Report
    services: list[ServiceContext]
    site_dir: Path
    refused: bool = False
    pdfs: list = field(default_factory=list)

    @property
    def previews(self) -> list[str]:
        return [f"{c.id}/{kind}" for c in self.services for kind, d in c.documents.items() if d.is_preview]


def gather(data: Path, names: list[str], today: date) -> tuple[Project, Report, list[ServiceContext]]:
    """Validate the named services (every service when none is named) and build their contexts."""
    project = Project.find(data)
    folders = [service_folder(project, name) for name in names]
    report = validate(folders or [project.data], today)
    wanted = {folder.name for folder in folders}
    return project, report, [c for c in contexts_of.build(project, report, today) if not wanted or c.id in wanted]


def service_folder(project: Project, name: str) -> Path:
    """The folder of a service named by its id or by its folder's path."""
    for candidate in (project.data / name, Path(name)):
        if candidate.is_dir() and candidate.resolve().parent == project.data.resolve():
            return candidate
    raise CannotRun(f"There is no service called '{name}' in {shown(project.data)}.")


def blocking(report: Report, services: list[ServiceContext]) -> Report:
    """The part of the report that concerns what is to be published: its services and the shared reference data."""
    ids = {c.id for c in services}
    return Report([f for f in report.findings if f.service in ids or f.service not in report.services],
                  report.files, sorted(ids))


def build(data: Path, site_dir: Path, today: date, names: list[str] | None = None, publish: bool = False,
          pdfs: bool = True, config_file: Path | None = None) -> Outcome:
    """Validate, then write the site (and PDFs) for the named services; publish refuses while any error stands."""
    project, report, services = gather(data, names or [], today)
    if publish:
        report = blocking(report, services)
        if report.errors:
            return Outcome(report, services, site_dir, refused=True)
    config_file = config_file or project.data.parent / CONFIG
    if not config_file.is_file():
        raise CannotRun(f"There is no website configuration at {shown(config_file)}.")
    check_replaceable(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        written = write_pdfs(services, staging / "pdf", today) if pdfs else []
        site = Site(services, today, {(p.service_id, p.kind): p.size for p in written}, published=publish)
        render_site(site, config_file, staging / "pages", staging / "site")
        for pdf in written:
            os.replace(pdf.path, staging / "site" / pdf.service_id / pdf.path.name)
        (staging / "site" / MARKER).write_text("Written by fosterdocs; replaced by each build.\n", encoding="utf-8")
        swap_into_place(staging / "site", site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(report, services, site_dir, pdfs=written)


def write_pdfs(services: list[ServiceContext], out_dir: Path, today: date) -> list:
    """Each document's PDF (DRAFT-marked when it has errors), at out_dir/<service>/<pdf name>."""
    from .pdf import write_pdfs as write  # WeasyPrint takes a while to import: only load it when PDFs are made

    return write(services, out_dir, today)


def render_site(site: Site, config_file: Path, pages: Path, site_dir: Path) -> None:
    """Write the page sources from the templates in content/ and build them with mkdocs, strictly."""
    try:
        templates = Path(load_config(str(config_file)).docs_dir)
        write_pages(site, templates, pages)
        config = load_config(str(config_file), docs_dir=str(pages), site_dir=str(site_dir), nav=site.nav(),
                             strict=True)
        config[SITE_KEY] = site
        mkdocs_build(config)
    except (MkDocsException, SystemExit) as err:  # mkdocs-macros exits on a template error
        raise CannotRun(f"The website could not be built: {err}") from None


def check_replaceable(site_dir: Path) -> None:
    """Refuse to replace anything but an earlier site of ours (or an empty folder): never lose someone's files."""
    if site_dir.is_symlink() or (site_dir.exists() and not site_dir.is_dir()):
        raise CannotRun(f"{shown(site_dir)} is not a folder fosterdocs can write a site into.")
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / MARKER).is_file():
        raise CannotRun(f"{shown(site_dir)} holds files fosterdocs did not write, so it will not replace them. "
                        "Choose another folder, or empty this one.")


def swap_into_place(new: Path, target: Path) -> None:
    """Put the new folder where target is, in one step when the system allows it; the old one is deleted."""
    if not target.exists():
        os.rename(new, target)
        return
    if not _exchange(new, target):
        old = new.with_name(new.name + ".old")
        os.rename(target, old)
        os.rename(new, target)
        new = old
    shutil.rmtree(new)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0


def serve(data: Path, host: str, port: int, today: date | None = None, config_file: Path | None = None) -> None:
    """Preview every service at http://host:port/, rebuilt whenever the data or the site's templates change."""
    from mkdocs.livereload import LiveReloadServer

    project = Project.find(data)
    config_file = config_file or project.data.parent / CONFIG
    root = Path(tempfile.mkdtemp(prefix="fosterdocs-serve-"))
    served = root / "site"

    def rebuild() -> None:
        outcome = build(project.data, served, today or date.today(), pdfs=False, config_file=config_file)
        log.warning("fosterdocs: %s errors and %s warnings; %s documents shown as previews.",
                    outcome.report.errors, outcome.report.warnings, len(outcome.previews))

    try:
        rebuild()
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(served))
        for folder in ("content", "overrides", "macros"):
            server.watch(str(config_file.parent / folder))
        server.watch(str(config_file))
        server.watch(str(project.data))
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(root, ignore_errors=True)
