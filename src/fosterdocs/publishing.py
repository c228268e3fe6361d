"""Build and publish the website and PDFs: validate, build everything in a staging folder, then swap it into place.

A run that fails or is refused leaves the previous output exactly as it was.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .branding import site_settings
from .confinement import check_output_folder, inside
from .context import ServiceContext, gather
from .findings import Report
from .pictures import publishable_only
from .project import CannotRun, Project, shown
from .resources import SITE_CONFIG
from .site import SITE_KEY, Site, write_pages

BUILDING = ".building-"  # a site being built is staged in .<site>.building-<random> beside it
LOCK = ".lock"  # held by the build using a staging folder
MARKER = ".fosterdocs-site"  # in every site we write: only such a folder (or an empty one) is ever replaced
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100



@dataclass
class Outcome:
    """What a build or publish did: the checked report, the services it covered and what it wrote."""

    report: Report
    services: list[ServiceContext]
    site_dir: Path
    refused: bool = False
    pdfs: list = field(default_factory=list)

    @property
    def previews(self) -> dict[str, list[str]]:
        """The documents shown only as previews (they have errors), by service."""
        found = {c.id: [name for name, d in c.documents.items() if d.is_preview] for c in self.services}
        return {service: names for service, names in found.items() if names}

    def summary(self) -> str:
        """What was written, for the person who ran the command."""
        lines = [f"Wrote {shown(self.site_dir)}: {len(self.services)} service{'s' * (len(self.services) != 1)}, "
                 f"{len(self.pdfs)} PDFs; {self.report.errors} errors and {self.report.warnings} warnings."]
        if self.previews:
            lines.append("Shown as previews, not approved for publication (run fosterdocs validate to see why):")
            lines += [f"  {service}: {', '.join(names)}" for service, names in self.previews.items()]
        return "\n".join(lines) + "\n"


def blocking(report: Report, services: list[ServiceContext]) -> Report:
    """The part of the report that concerns what is to be published: its services and the shared reference data."""
    ids = {c.id for c in services}
    return Report([f for f in report.findings if f.service in ids or f.service not in report.services],
                  report.files, sorted(ids))


def build(data: Path, site_dir: Path, today: date, names: list[str] | None = None, publish: bool = False,
          pdfs: bool = True) -> Outcome:
    """Validate, then write the site (and PDFs) for the named services (publish: by default, those fosterdocs.yml
    lists); publish refuses while any error stands."""
    site_dir = site_dir.absolute()  # (mkdocs reads a relative path from its configuration's folder: the package's)
    if pdfs:
        from . import pdf  # WeasyPrint takes a while to import: only load it when PDFs are made

        pdf.warm_up()
    project = Project.find(data)
    if publish and not names:
        names = list(project.config.publish)
    report, services = gather(project, names or [], today)
    if not project.resource(SITE_CONFIG).is_file():
        raise CannotRun(f"There is no website configuration at {shown(project.resource(SITE_CONFIG))}.")
    check_output_folder(site_dir, project.data, "site")
    check_replaceable(site_dir)
    if publish:
        report = blocking(report, services)
        if report.errors:
            return Outcome(report, services, site_dir, refused=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with staging_folder(site_dir) as staging:
        pictures = publishable_only(services)
        made = write_pdfs(services, staging / "pdf", today, project.root) if pdfs else []
        written = [pdf for pdf in made if not pdf.problem]
        site = Site(services, today, {(p.service_id, p.name): p.size for p in written})
        render_site(site, *site_settings(project, staging / "theme"), staging / "pages", staging / "site")
        problems = [pdf.problem for pdf in made if pdf.problem] + site.unshowable
        if publish and problems:
            raise CannotRun(f"{problems[0].file} has no errors, yet its page or PDF could not be made; nothing was "
                            "published. Please tell the fosterdocs maintainers, with the file.")
        report.findings += problems
        for pdf in written:
            os.replace(pdf.path, staging / "site" / pdf.service_id / pdf.path.name)
        copy_pictures(pictures, staging / "site")
        written = [replace(pdf, path=site_dir / pdf.service_id / pdf.path.name) for pdf in written]
        (staging / "site" / MARKER).write_text("Written by fosterdocs; replaced by each build.\n", encoding="utf-8")
        swap_into_place(staging / "site", site_dir)
    return Outcome(report, services, site_dir, pdfs=written)


def copy_pictures(pictures: list[tuple[Path, Path]], site_root: Path) -> None:
    """Each publishable picture (see pictures.publishable_only) beside its document's page; a target that would
    land outside the site once its folders are resolved is never written."""
    for source, place in pictures:
        target = site_root / place
        target.parent.mkdir(parents=True, exist_ok=True)
        if inside(target, site_root) and not target.is_symlink():
            shutil.copyfile(source, target)


@contextmanager
def staging_folder(site_dir: Path) -> Iterator[Path]:
    """A new folder beside site_dir to build in, removed afterwards. Folders that builds stopped before they
    finished (killed, a power cut) left are removed first: each build holds a lock in its folder while it runs, so a
    build still running elsewhere keeps its own."""
    for name in os.listdir(site_dir.parent):
        if name.startswith(f".{site_dir.name}{BUILDING}") and not _locked(site_dir.parent / name):
            shutil.rmtree(site_dir.parent / name, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{BUILDING}", dir=site_dir.parent))
    try:
        with open(staging / LOCK, "w") as lock:
            if fcntl:
                fcntl.flock(lock, fcntl.LOCK_EX)
            yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _locked(folder: Path) -> bool:
    """Whether a running build holds the lock in its staging folder (where locks cannot be taken, open files
    already keep a running build's folder from being removed)."""
    if not fcntl or folder.is_symlink() or not (folder / LOCK).is_file():
        return False
    with open(folder / LOCK) as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
    return False


def write_pdfs(services: list[ServiceContext], out_dir: Path, today: date, root: Path) -> list:
    """Each document's PDF (DRAFT-marked when it has errors), at out_dir/<service>/<pdf name>, reusing those the
    project (at root) made before from the same input."""
    from . import pdf  # WeasyPrint takes a while to import: only load it when PDFs are made

    return pdf.write_pdfs(services, out_dir, today, cache=pdf.cache_folder(root))


def render_site(site: Site, config_file: Path, settings: dict, pages: Path, site_dir: Path,
                strict: bool = True) -> None:
    """Write the page sources from the templates in content/ and build them with mkdocs (strictly, unless for
    `serve`), with the project's settings (branding.site_settings) replacing mkdocs.yml's."""
    try:
        write_pages(site, Path(load_config(str(config_file)).docs_dir), pages)
        config = load_config(str(config_file), docs_dir=str(pages), site_dir=str(site_dir), nav=site.nav(),
                             strict=strict, **settings)
        config[SITE_KEY] = site
        mkdocs_build(config)
    except MkDocsException as err:
        raise CannotRun(f"The website could not be built: {err}") from None
    except SystemExit:  # how mkdocs-macros stops on a template error, after logging it
        raise CannotRun("The website could not be built: a page template failed (see above).") from None


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
    try:
        renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    except (OSError, TypeError):  # no C library to ask (Windows)
        return False
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0
