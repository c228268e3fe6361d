"""The website: one page per service and document, filled by mkdocs-macros from the validated contexts.

Page sources hold only macro calls (the templates in content/). Each macro renders its part of the page through the
autoescaped templates in templates/site/, which wrap the shared document templates, and leaves a placeholder (an
HTML comment) in the Markdown; after Markdown has run, on_page_content puts the HTML in its place. So nothing from
the data is ever Markdown or Jinja source, and Markdown never has to parse the documents' HTML.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from html import escape, unescape
from pathlib import Path

from jinja2 import BytecodeCache
from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from .bounds import shorten_words
from .context import ServiceContext
from .document_types import DOCUMENTS, TYPES, title_of
from .documents import DEFAULT_REVIEW_MONTHS, DEFAULT_WARNING_DAYS
from .findings import Finding
from .regimes import REGIMES
from .rendering import RENDER_ERRORS, environment, unshowable
from .rule_catalogue import BASIS_WORDS, rule_groups
from .status import COLUMNS, StatusRow, cells, rows

SITE_KEY = "fosterdocs_site"  # where the build puts the Site in the mkdocs config, for the macros
PAGES_BEFORE_SERVICES = ("index.md", "review-calendar.md")
PAGES_AFTER_SERVICES = ("rules.md", "accessibility.md")
SERVICE_TEMPLATES = ("service/index.md", "service/document.md", "service/contacts.md")
SERVICE_TYPES = {kind: regime.title for kind, regime in REGIMES.items()}
CONTACT_HEADINGS = {"contacts": "Contact the service", "out_of_hours": "Out of hours",
                    "complaints": "Comments and complaints", "childrens_rights": "Children's rights"}
CONTACT_FIELDS = {"name", "phone", "email", "address", "website"}
MACROS = {"home": "site/home.html", "review_calendar": "site/calendar.html", "service_overview": "site/service.html",
          "service_document": "site/document.html", "service_contacts": "site/contacts.html",
          "site_services": "site/services.html", "build_date": "site/build_date.html", "rules": "site/rules.html"}
_HEADING = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
UNSHOWABLE = "site/unshowable.html"  # in place of a service's page whose data its template could not show
SLOT = "<!--fosterdocs-slot-{}-->"  # data is always escaped, so it can never contain this


@dataclass(frozen=True)
class SitePage:
    """One page of the site: where its source goes, which template in content/ it copies, and what it shows."""

    src_path: str
    template: str
    title: Markup | None = None
    service: ServiceContext | None = None
    name: str | None = None  # the document's file name without .yaml (None: a page that is not a document's)

    @property
    def document(self):
        """The page's document (None: the page of a service, or of a document whose file cannot be read)."""
        return self.service.documents.get(self.name) if self.service and self.name else None


@dataclass
class Site:
    """What one build shows: the services, the build date, and each document's PDF size ((service id, document
    name) -> bytes)."""

    contexts: list[ServiceContext]
    today: date
    pdf_sizes: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self):
        self.pages = {page.src_path: page for page in self._pages()}
        self.made: dict = {}  # what mkdocs built it with: config, files, nav, env (see on_nav, on_env)
        self.slots: dict[str, list[str]] = {}  # each page's macro output, waiting for on_page_content
        self.unshowable: list[Finding] = []  # a finding for each page whose data its template could not show

    def _pages(self):
        yield from (SitePage(name, name) for name in PAGES_BEFORE_SERVICES)
        for service in self.contexts:
            yield SitePage(f"{service.id}/index.md", SERVICE_TEMPLATES[0], nav_title(service.name), service)
            for name in DOCUMENTS:
                document = service.documents.get(name)
                if document or (service.folder and (service.folder / f"{name}.yaml").is_file()):
                    # (a file that cannot be read still has its page: its findings, not a page that is not there)
                    title = document.title if document else title_of(name)
                    yield SitePage(f"{service.id}/{name}.md", SERVICE_TEMPLATES[1], nav_title(title), service, name)
            yield SitePage(f"{service.id}/contacts.md", SERVICE_TEMPLATES[2], None, service)
        yield from (SitePage(name, name) for name in PAGES_AFTER_SERVICES)

    def nav(self) -> list:
        """The mkdocs nav: the site's own pages, and a section for each service (titles already escaped)."""
        nav: list = list(PAGES_BEFORE_SERVICES)
        for service in self.contexts:
            own = [p for p in self.pages.values() if p.service is service]
            nav.append({nav_title(service.name): [{p.title: p.src_path} if p.title else p.src_path for p in own]})
        return nav + list(PAGES_AFTER_SERVICES)

    @property
    def has_previews(self) -> bool:
        return any(d.is_preview for c in self.contexts for d in c.documents.values())

    def rows(self) -> list[StatusRow]:
        return rows(self.contexts, self.today)

    def pdf_name(self, service: ServiceContext, name: str) -> str | None:
        """The document's PDF file name, when this build made one."""
        return service.documents[name].pdf_name if (service.id, name) in self.pdf_sizes else None

    def pdf_size(self, service: ServiceContext, name: str) -> str:
        """The PDF's size as people read it: '245 KB', '1.2 MB'."""
        size = self.pdf_sizes[(service.id, name)]
        return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, round(size / 1024))} KB"


def contact_groups(service: dict) -> list[tuple[str, str, list[dict]]]:
    """Every group of people, places and contact points in service.yaml, in its order: (key, heading, records)."""
    groups = []
    for key, value in service.items():
        records = value if isinstance(value, list) else [value]
        if records and all(isinstance(r, dict) and CONTACT_FIELDS & r.keys() for r in records):
            groups.append((key, CONTACT_HEADINGS.get(key) or key.replace("_", " ").capitalize(), records))
    return groups


def nav_title(text: str) -> Markup:
    """A title for mkdocs and the theme, which print titles as HTML: escaped, and never read as a macro."""
    return Markup(str(escape(shorten_words(str(text)))).replace("{", "&#123;"))


def write_pages(site: Site, templates: Path, pages: Path) -> None:
    """Copy each page's template from content/ to its place in the (new, empty) pages folder."""
    for page in site.pages.values():
        target = pages / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates / page.template, target)


def render_page(site: Site, template: str, src_path: str, files, page_url: str) -> Markup:
    """The HTML a macro puts into one page."""
    page = site.pages.get(src_path)
    if page is None:
        raise LookupError(f"{src_path} is not a page of this site")

    def url(target: str) -> str:
        """A link from this page to another page of the site (by its source path) or a file."""
        found = files.get_file_from_path(target)
        return get_relative_url(found.url if found else target, page_url)

    values = dict(site=site, page=page, service=page.service, document=page.document, url=url, today=site.today,
                  service_types=SERVICE_TYPES, contact_groups=contact_groups, columns=COLUMNS, cells=cells,
                  default_review_months=DEFAULT_REVIEW_MONTHS, default_warning_days=DEFAULT_WARNING_DAYS,
                  rule_groups=rule_groups(), basis_words=BASIS_WORDS, document_types=TYPES)
    if page.name and page.document is None:  # its file cannot be read: what to put right
        own = [f for f in page.service.findings if f.file.endswith(f"{page.service.id}/{page.name}.yaml")]
        return Markup(environment().get_template(UNSHOWABLE).render(values, findings=own))
    try:
        return Markup(environment().get_template(template).render(values))
    except RENDER_ERRORS as error:
        if page.service is None:  # a page of the whole site: its templates only show what every document has
            raise
        finding = unshowable(page.service, page.name or "service", error)
        site.unshowable.append(finding)
        shown = page.document.findings if page.document else page.service.findings
        return Markup(environment().get_template(UNSHOWABLE).render(values, findings=[finding, *shown]))


def define_env(env) -> None:
    """mkdocs-macros: one macro per kind of page; each renders its HTML and leaves a placeholder for it."""
    def macro(template: str):
        def render() -> Markup:
            site = env.conf.get(SITE_KEY)
            if site is None:
                raise RuntimeError("Build the site with `fosterdocs build`, `publish` or `serve`, not with mkdocs.")
            src_path = env.page.file.src_path
            slots = site.slots.setdefault(src_path, [])
            slots.append(render_page(site, template, src_path, env.variables["files"], env.page.url))
            return Markup(SLOT.format(len(slots) - 1))
        return render

    for name, template in MACROS.items():
        env.macro(macro(template), name)


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process: mkdocs makes a new Jinja environment for the theme at every build, and
    `serve` builds after every change. (Jinja compiles a template again whenever its source changed.)"""

    def __init__(self):
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def on_nav(nav, config, **_):
    """mkdocs event: the build's navigation kept with its Site (Site.made), for `serve` to make pages again."""
    site = config.get(SITE_KEY)
    if site is not None:
        site.made["nav"] = nav
    return nav


def on_env(env, config, files, **_):
    """mkdocs event: the theme's templates compiled once per process (CompiledTemplates); the build's settings,
    files and templates kept with its Site (Site.made)."""
    env.bytecode_cache = COMPILED
    site = config.get(SITE_KEY)
    if site is not None:
        site.made.update(config=config, files=files, env=env)
    return env


def toc_tokens(html: str) -> list[dict]:
    """The headings with an id in a page's HTML, nested by level, as mkdocs' table of contents tokens."""
    roots: list[dict] = []
    stack: list[dict] = []
    for level, anchor, inner in _HEADING.findall(html):
        token = {"level": int(level), "id": unescape(anchor), "children": [],
                 "name": escape(" ".join(unescape(_TAG.sub("", inner)).split()))}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots


def on_page_content(html: str, page, config, **_) -> str:
    """mkdocs event: the macros' HTML replaces their placeholders, and the table of contents lists its headings."""
    site = config.get(SITE_KEY)
    for index, part in enumerate(site.slots.pop(page.file.src_path, []) if site else []):
        html = html.replace(SLOT.format(index), part, 1)
    page.toc = get_toc(toc_tokens(html))
    return html


def on_page_context(context: dict, page, nav: Navigation, **_) -> dict:
    """mkdocs event: each page's menu shows the site's pages and its own service only, so pages do not grow with
    the number of services."""
    own = Navigation([item for item in nav.items if not item.is_section or item.active], nav.pages)
    own.homepage = nav.homepage
    context["nav"] = own
    return context
