"""`fosterdocs serve`: every service's website previewed on this computer and made again after each change. Only
the services whose files changed are checked again, and only their pages (and the pages listing every service) are
written again; a document with errors, even one whose YAML cannot be read, shows its page with the findings."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from mkdocs.commands.build import _build_page, _populate_page  # (mkdocs' steps for one page; pinned in the lock)
from mkdocs.livereload import LiveReloadServer

from .branding import site_settings
from .context import ServiceContext, gather
from .pictures import publishable_only
from .project import CannotRun, Project
from .publishing import copy_pictures, render_site
from .resources import SITE_CONFIG
from .site import PAGES_BEFORE_SERVICES, SITE_KEY, Site

log = logging.getLogger("fosterdocs")
POLL_SECONDS = 0.05  # how often the files are looked at for a change
SETTLE_SECONDS = 0.03  # after a change, how long no other change must come before the pages are made


class Preview:
    """The site `serve` shows, in a folder of its own: every service's context, and the files they were read from
    (by size and time), to find what changed."""

    def __init__(self, data: Path, folder: Path):
        self.data, self.folder = data, folder
        self.site_dir = folder / "site"
        self.contexts: dict[str, ServiceContext] = {}
        self.files: dict[Path, tuple[int, int]] = {}
        self.site: Site | None = None
        self.project: Project | None = None

    def snapshot(self) -> dict[Path, tuple[int, int]]:
        """Each file in the data folder (hidden ones and backups apart) -> its size and modification time."""
        found = {}
        for root, folders, names in os.walk(self.data):
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                path = Path(root) / name
                try:
                    info = path.stat()
                except OSError:
                    continue
                found[path] = (info.st_size, info.st_mtime_ns)
        return found

    def everything(self) -> None:
        """Check every service and make every page (at the start, and after a change to anything but one
        service's files: the reference data, the settings, the templates)."""
        self.files = self.snapshot()
        self.project = Project.find(self.data)
        report, contexts = gather(self.project, [], date.today())
        self.contexts = {context.id: context for context in contexts}
        self._write(changed=None)
        log.info(_summary(report, contexts))

    def update(self) -> None:
        """After a change: the services whose files changed checked again and their pages made again."""
        now = self.snapshot()
        changed = {path for path in now.keys() | self.files.keys() if now.get(path) != self.files.get(path)}
        self.files = now
        folders = {path.parent for path in changed}
        services = {folder.name for folder in folders if folder.parent == self.project.data}
        if not changed or len(services) != len(folders) or "reference" in services \
                or not services <= self.contexts.keys() or len(self.project.services()) != len(self.contexts):
            self.everything()
            return
        for name in sorted(services):
            report, contexts = gather(self.project, [name], date.today())
            self.contexts[name] = contexts[0]
            log.info(_summary(report, contexts))
        self._write({name: {path.stem for path in changed if path.parent.name == name} for name in services})

    def _write(self, changed: dict[str, set[str]] | None) -> None:
        """Make the pages: every one (changed None, or when the list of pages or their titles changed), else the
        pages about every service and, of each changed service (service id -> the names of its files that changed),
        its overview and the pages of the documents that changed (every page of it, when service.yaml did)."""
        contexts = list(self.contexts.values())
        site = Site(contexts, date.today())
        if changed is None or self.site is None or site.nav() != self.site.nav():
            shutil.rmtree(self.folder / "pages", ignore_errors=True)
            shutil.rmtree(self.folder / "theme", ignore_errors=True)
            self.settings = site_settings(self.project, self.folder / "theme")
            render_site(site, *self.settings, self.folder / "pages", self.site_dir, strict=False)
        else:
            _remake(site, self.site.made, [path for path, page in site.pages.items() if _affected(page, changed)])
        copy_pictures(publishable_only([c for c in contexts if changed is None or c.id in changed]), self.site_dir)
        self.site = site


def _remake(site: Site, made: dict, paths: list[str]) -> None:
    """Make some pages again, with mkdocs' own two steps for a page (its Markdown, then its theme template), in the
    last full build's settings, files and navigation: a fraction of a whole build. (The search index keeps the
    text of the last full build.)"""
    config, files, nav, env = made["config"], made["files"], made["nav"], made["env"]
    config[SITE_KEY] = site
    site.made = made
    pages = files.documentation_pages()
    try:
        for file in pages:
            if file.src_path in paths:
                _populate_page(file.page, config, files)
                _build_page(file.page, config, pages, nav, env)
    except SystemExit:  # how mkdocs-macros stops on a template error, after logging it
        raise CannotRun("The website could not be built: a page template failed (see above).") from None


def _affected(page, changed: dict[str, set[str]]) -> bool:
    """Whether a page shows something from the changed files."""
    if page.service is None:
        return page.src_path in PAGES_BEFORE_SERVICES  # (the home page and the calendar list every service)
    files = changed.get(page.service.id)
    return files is not None and ("service" in files or page.name in files or page.name is None and
                                  page.src_path.endswith("/index.md"))


def _summary(report, contexts) -> str:
    services = len(contexts)
    return (f"Previewing {services} service{'s' * (services != 1)}: {report.errors} errors and {report.warnings} "
            "warnings (each page shows its own).")


def serve(data: Path, host: str, port: int) -> None:
    """Preview every service at http://host:port/, made again whenever the data or the site's templates change."""
    project = Project.find(data)
    config_file = project.resource(SITE_CONFIG)
    root = Path(tempfile.mkdtemp(prefix="fosterdocs-serve-"))
    preview = Preview(project.data, root)

    def rebuild() -> None:
        """After a change: a problem is reported, and the last good preview stays up."""
        try:
            preview.update() if preview.site else preview.everything()
        except CannotRun as err:
            log.error("fosterdocs: %s", err)

    try:
        preview.everything()
        server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(preview.site_dir),
                                  polling_interval=POLL_SECONDS)
        server.build_delay = SETTLE_SECONDS
        for folder in ("content", "overrides", "macros"):
            server.watch(str(config_file.parent / folder))
        for watched in (config_file, project.config.file, project.config.custom_dir, project.config.logo):
            if watched:
                server.watch(str(watched))
        server.watch(str(project.data))
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(root, ignore_errors=True)
