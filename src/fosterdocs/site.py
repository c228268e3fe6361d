"""The website: one page per service and document, filled by mkdocs-macros from the validated contexts.

Page sources hold only macro calls (the templates in content/); every value from the data reaches the page through
the autoescaped templates in templates/site/, which wrap the shared document templates. Nothing from the data is
ever Markdown or Jinja source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html import escape, unescape
from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from .context import ServiceContext
from .documents import DEFAULT_REVIEW_MONTHS, DEFAULT_WARNING_DAYS
from .rendering import environment
from .status import COLUMNS, StatusRow, cells, rows

SITE_KEY = "fosterdocs_site"  # where the build puts the Site in the mkdocs config, for the macros
PAGES_BEFORE_SERVICES = ("index.md", "review-calendar.md")
PAGES_AFTER_SERVICES = ("accessibility.md",)
SERVICE_TEMPLATES = ("service/index.md", "service/document.md", "service/contacts.md")
SERVICE_TYPES = {"local-authority": "Local authority (council) fostering service",
                 "independent-agency": "Independent fostering agency"}
CONTACT_HEADINGS = {"contacts": "Contact the service", "out_of_hours": "Out of hours",
                    "complaints": "Comments and complaints", "childrens_rights": "Children's rights"}
CONTACT_FIELDS = {"name", "phone", "email", "address", "website"}
MACROS = {"home": "site/home.html", "review_calendar": "site/calendar.html", "service_overview": "site/service.html",
          "service_document": "site/document.html", "service_contacts": "site/contacts.html",
          "site_services": "site/services.html", "build_date": "site/build_date.html"}
_HEADING = re.compile(r'<h([1-6])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SitePage:
    """One page of the site: where its source goes, which template in content/ it copies, and what it shows."""

    src_path: str
    template: str
    title: Markup | None = None
    service: ServiceContext | None = None
    kind: str | None = None

    @property
    def document(self):
        return self.service.documents[self.kind] if self.service and self.kind else None


@dataclass
class Site:
    """What one build shows: the services, the build date, and the PDF of each document (file name -> bytes)."""

    contexts: list[ServiceContext]
    today: date
    pdf_sizes: dict[tuple[str, str], int] = field(default_factory=dict)
    published: bool = False

    def __post_init__(self):
        self.pages = {page.src_path: page for page in self._pages()}

    def _pages(self):
        yield from (SitePage(name, name) for name in PAGES_BEFORE_SERVICES)
        for service in self.contexts:
            yield SitePage(f"{service.id}/index.md", SERVICE_TEMPLATES[0], nav_title(service.name), service)
            for kind, document in service.documents.items():
                yield SitePage(f"{service.id}/{kind}.md", SERVICE_TEMPLATES[1], nav_title(document.title), service,
                               kind)
            yield SitePage(f"{service.id}/contacts.md", SERVICE_TEMPLATES[2], None, service)
        yield from (SitePage(name, name) for name in PAGES_AFTER_SERVICES)

    def nav(self) -> list:
        """The mkdocs nav: the site's own pages, and a section for each service (titles already escaped)."""
        nav: list = [page for page in PAGES_BEFORE_SERVICES]
        for service in self.contexts:
            own = [p for p in self.pages.values() if p.service is service]
            nav.append({nav_title(service.name): [{p.title: p.src_path} if p.title else p.src_path for p in own]})
        return nav + list(PAGES_AFTER_SERVICES)

    def rows(self) -> list[StatusRow]:
        return rows(self.contexts, self.today)

    def pdf_name(self, service: ServiceContext, kind: str) -> str | None:
        """The document's PDF file name, when this build made one."""
        return service.documents[kind].pdf_name if (service.id, kind) in self.pdf_sizes else None

    def pdf_size(self, service: ServiceContext, kind: str) -> str:
        """The PDF's size as people read it: '245 KB', '1.2 MB'."""
        size = self.pdf_sizes[(service.id, kind)]
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
    return Markup(str(escape(str(text))).replace("{", "&#123;"))


def write_pages(site: Site, templates: Path, pages: Path) -> None:
    """Copy each page's template from content/ to its place in the pages folder; remove pages no longer made."""
    wanted = set()
    for page in site.pages.values():
        target = pages / page.src_path
        wanted.add(target)
        text = (templates / page.template).read_text(encoding="utf-8")
        if not target.exists() or target.read_text(encoding="utf-8") != text:  # unchanged files: no live reload
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for stale in [p for p in pages.rglob("*") if p.is_file() and p not in wanted]:
        stale.unlink()


def markdown_inert(html: str) -> Markup:
    """HTML that Markdown passes through untouched: one raw block on a single line (no fences, no indented code)."""
    return Markup(_CONTROL.sub("", html).replace("\r", " ").replace("\n", " ").strip())


def render_page(site: Site, template: str, src_path: str, files, page_url: str) -> Markup:
    """The HTML a macro puts into one page."""
    page = site.pages.get(src_path)
    if page is None:
        raise LookupError(f"{src_path} is not a page of this site")

    def url(target: str) -> str:
        """A link from this page to another page of the site (by its source path) or a file."""
        found = files.get_file_from_path(target)
        return get_relative_url(found.url if found else target, page_url)

    html = environment().get_template(template).render(
        site=site, page=page, service=page.service, document=page.document, url=url, today=site.today,
        service_types=SERVICE_TYPES, contact_groups=contact_groups, columns=COLUMNS, cells=cells,
        default_review_months=DEFAULT_REVIEW_MONTHS, default_warning_days=DEFAULT_WARNING_DAYS)
    return markdown_inert(html)


def define_env(env) -> None:
    """mkdocs-macros: register one macro per kind of page."""
    def macro(name: str, template: str):
        def render() -> Markup:
            site = env.conf.get(SITE_KEY)
            if site is None:
                raise RuntimeError("Build the site with `fosterdocs build`, `publish` or `serve`, not with mkdocs.")
            return render_page(site, template, env.page.file.src_path, env.variables["files"], env.page.url)
        render.__name__ = name
        render.__doc__ = f"The HTML of {template}."
        return render

    for name, template in MACROS.items():
        env.macro(macro(name, template), name)


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


def on_page_content(html: str, page, **_) -> str:
    """mkdocs event: the table of contents lists every heading, including those the macros wrote as HTML."""
    page.toc = get_toc(toc_tokens(html))
    return html


def on_page_context(context: dict, page, nav: Navigation, **_) -> dict:
    """mkdocs event: each page's menu shows the site's pages and its own service only, so pages do not grow with
    the number of services."""
    own = Navigation([item for item in nav.items if not item.is_section or item.active], nav.pages)
    own.homepage = nav.homepage
    context["nav"] = own
    return context
