"""The editor's web pages: the services and their documents, and a form per file at /edit/SERVICE/FILE."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flask import Flask, Response, abort, render_template, request, send_file
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from ruamel.yaml.comments import CommentedMap

from ..document_types import DOCUMENTS, FILES, kind_of, title_of
from ..documents import Shelf, lookup
from ..loading import load
from ..pdf import PRINT_TEMPLATES
from ..project import Project, shown
from ..validation import validate
from . import downgrades, edition, preview, saving
from .checking import Checked, check_text
from .forms import Field, Mapper, field_id
from .security import Session, protect

FILE_TITLES = {name: title_of(name) for name in FILES}


@dataclass
class Page:
    """What the edit page shows for one version of a file."""

    service: str
    name: str
    title: str
    text: str  # the working text (saved or not)
    base: str  # digest of the file on disk the form started from
    form: Field | None
    checked: Checked
    problem: str = ""  # the YAML cannot be read: why
    message: str = ""  # what just happened (saved, reloaded)
    heading: str = ""  # its title
    conflict: bool = False
    focus: str = ""
    missing: tuple = ()  # sections the document must have and lacks
    changes: list | None = None  # a new edition was started: each file's changes since the edition last lodged
    changes_problem: str = ""  # why those changes cannot be listed (no git history, say)
    service_base: str = ""  # digest of service.yaml when the form was made (downgrades are written there)
    reasons: dict = field(default_factory=dict)  # the service's downgrades: requirement -> reason
    offered: dict = field(default_factory=dict)  # expected-practice requirement -> the field it is offered at

    def href(self, finding) -> str:
        """Where the error summary's link for a finding goes: its field (a date's day), or the top of the form."""
        anchor = self.checked.anchor(finding)
        if not anchor:
            return "missing-sections" if self.missing else ("raw" if self.form is None else "editor-form")
        kinds = {f.id: f.kind for f in self.form.walk()} if self.form else {}
        return anchor + ("-day" if kinds.get(anchor) == "date" else "")


class Editor:
    """The data folder being edited, and the one lock every save takes."""

    def __init__(self, data: Path, today: date | None = None):
        self.project = Project.find(data)
        self.data = self.project.data
        self.today = today or date.today()
        self.lock = threading.Lock()
        self.versions: dict[str, str] = {}  # each version of a file a form was made from, by digest
        self.previews: dict[tuple[str, str, str], str] = {}  # (service, file, digest of its text) -> preview HTML

    def folder(self, service: str) -> Path:
        if service not in {p.name for p in self.project.services()}:
            abort(404, f"There is no service called '{service}' in {shown(self.data)}.")
        return self.data / service

    def path(self, service: str, name: str) -> Path:
        if name not in FILE_TITLES:
            abort(404, f"fosterdocs has no document called '{name}'.")
        return self.folder(service) / f"{name}.yaml"

    def mapper(self, name: str) -> Mapper:
        schema = self.project.schemas[kind_of(Path(f"{name}.yaml"))]
        return Mapper(schema.root, schema.shared)

    def page(self, service: str, name: str, text: str, base: str, data: CommentedMap | None = None,
             show: bool = False, **extra) -> Page:
        """The form for text (data: its document, when the caller has it), checked as `fosterdocs validate` checks
        the file; show: with the context its preview is printed from (page.checked.shown)."""
        folder = self.folder(service)
        checked = check_text(self.project, folder, name, text, self.today, show)
        title = FILE_TITLES[name]
        try:
            data = data if data is not None else saving.parse_once(text)[0]
        except saving.Unreadable as err:
            return Page(service, name, title, text, base, None, checked, problem=str(err), **extra)
        if checked.loaded is None:  # ruamel.yaml reads it, fosterdocs does not (a tab, a duplicate key...)
            return Page(service, name, title, text, base, None, checked, problem="see the finding", **extra)
        mapper = self.mapper(name)
        root = mapper.schema_at((), data)
        missing = tuple(key for key in root.get("required", []) if key not in data)
        form = mapper.form(data)
        service_file = folder / "service.yaml"
        offered = downgrades.first_fields(form) if name != "service" and service_file.exists() else {}
        service_base = saving.digest(service_file.read_bytes()) if offered else ""
        return Page(service, name, title, text, base, form, checked, missing=missing, offered=offered,
                    service_base=service_base, reasons=downgrades.reasons(self.service_data(service)), **extra)

    def shared(self, service: str, value: dict) -> dict:
        """What a `use:` stands for, as lines to show, and where it is kept (a link, or the reference's source)."""
        use = str(value.get("use", ""))
        where, _, name = use.partition("/")
        record = lookup(use, self.service_data(service), self.project.reference.regulators,
                        Shelf(self.folder(service)))
        if where == "reference":
            known = record if isinstance(record, dict) else {}
            kept = (f"Kept for every service in data/reference/regulators.yaml; source: {known.get('source', '?')}; "
                    f"checked on {known.get('checked_on', '?')}.")
            link = ""
        else:
            kept = f"{FILE_TITLES.get(where, where)}, {name.replace('_', ' ')}"
            link = f"/edit/{service}/{where}#{field_id((name,))}"
        lines = []
        for key in ("name", "role", "phone", "email", "website", "hours"):
            if isinstance(record, dict) and isinstance(record.get(key), str):
                lines.append((key.replace("_", " ").capitalize(), record[key]))
        address = record.get("address") if isinstance(record, dict) else None
        if isinstance(address, dict):
            lines.append(("Address", ", ".join(map(str, [*(address.get("lines") or []), address.get("postcode", "")]))))
        if isinstance(record, dict) and isinstance(record.get("title"), str):
            lines.append(("Section", record["title"]))
        return {"lines": lines, "where": kept, "link": link}

    def open(self, service: str, name: str, show: bool = False, **extra) -> Page:
        path = self.path(service, name)
        raw = path.read_bytes() if path.exists() else b""
        text = raw.decode("utf-8", "replace")
        self.versions[saving.digest(raw)] = text
        return self.page(service, name, text, saving.digest(raw), show=show, **extra)

    def post(self, service: str, name: str, form: dict[str, str]) -> Page:
        """Apply what was posted: the answers, then the action (check, save, add, remove, move, reload)."""
        path = self.path(service, name)
        action = form.get("action", "check")
        base, text = form.get("base", ""), form.get("working", "")
        if action == "new-edition":
            return self.new_edition(service, name, self.edited(name, text, form, "check")[0], base)
        if action == "reload":  # (the answers in the form, not yet in the working text, are the ones to keep)
            return self.reapply(service, name, self.edited(name, text, form, "check")[0], base)
        if "raw" in form:  # the plain-text editor of a file that does not parse
            text = form["raw"].replace("\r\n", "\n")
        else:
            text, focus, data = self.edited(name, text, form, action)
            if action != "save":
                return self.page(service, name, text, base, data, focus=focus)
        if action == "save":
            with self.lock:
                try:
                    base = saving.save(path, text, base)
                    self.versions[base] = text
                except saving.Changed:
                    return self.page(service, name, text, base, conflict=True)
                reasons = downgrades.answered(form)
                if reasons:
                    try:
                        downgrades.save(self.folder(service) / "service.yaml", reasons, form.get("service_base", ""))
                    except saving.Changed:
                        page = self.page(service, name, text, base)
                        page.heading = "Saved, but not the reasons for items not met yet"
                        page.message = ("The document is saved. service.yaml changed since this form was loaded, "
                                        "so the reasons were not written there: enter them again and save.")
                        return page
            page = self.page(service, name, text, base)
            page.heading = "Saved as a draft" if page.checked.errors else "Saved"
            page.message = "Saved." + (" It has problems to put right before it can be published: it is a draft."
                                       if page.checked.errors else "")
            return page
        return self.page(service, name, text, base)

    def edited(self, name: str, text: str, form: dict[str, str],
               action: str) -> tuple[str, str, CommentedMap | None]:
        """The working text with the posted answers and action applied, the id to put the focus on, and the edited
        document (None: the text cannot be read)."""
        try:
            data, before = saving.parse_once(text)
        except saving.Unreadable:
            return text, "", None
        mapper = self.mapper(name)
        saving.apply_answers(data, mapper.form(data), form, mapper)
        focus = ""
        if action not in ("check", "save"):
            moved = saving.apply_action(data, action, mapper)
            verb = action.partition(":")[0]
            if moved is not None:
                focus = f"{verb}:{field_id(moved)}" if verb in ("up", "down") else field_id(moved)
        return saving.merge_lines(text, before, saving.dump(data)), focus, data

    def new_edition(self, service: str, name: str, text: str, base: str) -> Page:
        """The document made its next edition (not saved yet), with what changed since the last one."""
        try:
            data, before = saving.parse_once(text)
        except saving.Unreadable:
            return self.page(service, name, text, base)
        changes, problem = edition.changes_since_last(self.project, service, name, text, self.today)
        months = self.service_data(service).get("review_interval_months")
        version = edition.start(data, self.today, months if isinstance(months, int) and months > 0 else 12)
        page = self.page(service, name, saving.merge_lines(text, before, saving.dump(data)), base,
                         focus=field_id(("document", "revisions", 0)), changes=changes, changes_problem=problem)
        page.heading = f"New edition {version} started"
        page.message = ("The version, approval date, next review and a new revision line are filled in. Check who "
                        "approved it, write what changed in the new revision's summary, then save.")
        return page

    def remember_preview(self, page: Page) -> str:
        """The page's preview, kept (the last one per file) for the frame to fetch; returns its address."""
        service, name = page.service, page.name
        version = saving.digest(page.text.encode("utf-8"))
        html = preview.preview(page.checked.shown, name, self.today)
        for key in [key for key in list(self.previews) if key[:2] == (service, name)]:
            self.previews.pop(key, None)
        if html is not None:
            self.previews[(service, name, version)] = html
        return f"/preview/{service}/{name}?version={version}"

    def service_data(self, service: str) -> dict:
        """The service's shared facts as saved."""
        loaded, _ = load(self.folder(service) / "service.yaml")
        return loaded.data if loaded and isinstance(loaded.data, dict) else {}

    def reapply(self, service: str, name: str, text: str, base: str) -> Page:
        """The file as it is now on disk, with the person's answers that differ from the version the form started
        from (base) put back."""
        path = self.path(service, name)
        raw = path.read_bytes()
        current = raw.decode("utf-8", "replace")
        page = self.open(service, name)
        if page.form is None or base not in self.versions:
            return page
        try:
            mine, started = saving.parse_once(text)[0], saving.parse_once(self.versions[base])[0]
        except saving.Unreadable:
            return page
        merged, layout = saving.parse_once(current)
        mapper = self.mapper(name)
        before = form_answers(mapper.form(started))
        now = form_answers(mapper.form(mine))
        answers = {key: now.get(key, "") for key in {*before, *now} if before.get(key) != now.get(key)}
        changed = saving.apply_answers(merged, mapper.form(merged), answers, mapper)
        text = saving.merge_lines(current, layout, saving.dump(merged))
        page = self.page(service, name, text, saving.digest(raw))
        page.heading = "Reloaded"
        page.message = (f"Reloaded the file as it is now. Your {len(changed)} unsaved changes are kept in the form: "
                        "check them, then save." if changed else "Reloaded the file as it is now.")
        return page

    def overview(self) -> list[dict]:
        """Each service, with each of its files' review status and findings."""
        report = validate([self.data], self.today)
        services = []
        for folder in self.project.services():
            files = []
            for name, title in FILE_TITLES.items():
                path = folder / f"{name}.yaml"
                if not path.exists():
                    continue
                label = shown(path)
                found = [f for f in report.findings if f.file == label]
                loaded, _ = load(path, label)
                meta = (loaded.data.get("document") if loaded and isinstance(loaded.data, dict) else None) or {}
                files.append({"name": name, "title": title,
                              "errors": sum(f.severity == "error" for f in found),
                              "warnings": sum(f.severity == "warning" for f in found),
                              "next_review_due": str(meta.get("next_review_due", "")) if isinstance(meta, dict)
                              else ""})
            services.append({"id": folder.name, "files": files})
        return services


def form_answers(tree: Field) -> dict[str, str]:
    """The answers a form shows for a document, as a browser would post them."""
    answers: dict[str, str] = {}
    for question in tree.walk():
        value = question.value
        if question.kind == "date" and value is not None:
            year, _, rest = str(value).partition("-")
            month, _, day = rest.partition("-")
            name = question.name
            answers.update({f"{name}-year": year, f"{name}-month": month, f"{name}-day": day})
        elif question.kind in ("text", "textarea", "choice", "number") and value is not None:
            answers[question.name] = str(value)
        elif question.kind == "boolean" and value is not None:
            answers[question.name] = "true" if value else "false"
    return answers


def create_app(data: Path, session: Session, today: date | None = None) -> Flask:
    app = Flask(__name__)
    app.jinja_loader = ChoiceLoader([PackageLoader("fosterdocs.editor"),
                                     PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})])
    app.jinja_env.globals.update(csrf=session.csrf, documents=DOCUMENTS, field_id=field_id)
    protect(app, session)
    editor = Editor(data, today)
    app.jinja_env.globals["shared"] = editor.shared

    @app.get("/")
    def start():
        return render_template("start.html", services=editor.overview())

    @app.get("/edit/<service>/<name>")
    def edit(service: str, name: str):
        return render_template("edit.html", page=editor.open(service, name), editor=editor)

    @app.post("/edit/<service>/<name>")
    def change(service: str, name: str):
        page = editor.post(service, name, request.form.to_dict())
        return render_template("edit.html", page=page, editor=editor), (409 if page.conflict else 200)

    @app.post("/live/<service>/<name>")
    def live(service: str, name: str):
        """What checking as you type needs, not the whole form: the error summary, the fields whose findings change
        (those with findings now, and those the page shows with one: `shown`), and the address of the updated
        preview."""
        form = request.form.to_dict()
        text, _, data = editor.edited(name, form.get("working", ""), form, "check")
        page = editor.page(service, name, text, form.get("base", ""), data, show=True)
        fields = app.jinja_env.get_template("fields.html").make_module({"page": page, "editor": editor})
        leaves = {f.id: f for f in page.form.walk() if f.kind not in ("group", "list")} if page.form else {}
        wanted = [key for key in {*page.checked.at_field, *request.form.getlist("shown")} if key in leaves]
        return {"summary": str(fields.summary(page)), "preview": editor.remember_preview(page),
                "fields": {key: str(fields.field(leaves[key], 2)) for key in wanted}}

    @app.route("/preview/<service>/<name>", methods=["GET", "POST"])
    def show_preview(service: str, name: str):
        """The document as printed, for the preview frame: from the form's answers (POST), the version checking as
        you type made (GET ?version=), or the file (GET)."""
        html = editor.previews.get((service, name, request.args.get("version", "")))
        if html is None:
            if request.method == "POST":
                form = request.form.to_dict()
                text, _, data = editor.edited(name, form.get("working", ""), form, "check")
                page = editor.page(service, name, text, form.get("base", ""), data, show=True)
            else:
                page = editor.open(service, name, show=True)
            html = preview.preview(page.checked.shown, name, editor.today)
        if html is None:
            html = render_template("no-preview.html", name=name)
        return Response(html, headers={"Content-Security-Policy": "default-src 'self'; style-src 'self' "
                                       "'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'"})

    @app.get("/preview-assets/print.css")
    def print_css():
        return send_file(PRINT_TEMPLATES / "print.css", mimetype="text/css")

    @app.post("/pdf/<service>/<name>")
    def make_pdf(service: str, name: str):
        """The PDF of the document as it stands in the form, to download."""
        text = editor.edited(name, request.form.get("working", ""), request.form.to_dict(), "check")[0]
        made = preview.pdf(editor.project, editor.folder(service), name, text, editor.today)
        if made is None:
            abort(404, "This file has no PDF of its own: its facts are printed in each document.")
        return Response(made, mimetype="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{service}-{name}.pdf"'})

    @app.errorhandler(403)
    @app.errorhandler(404)
    def refused(error):
        return render_template("refused.html", error=error), error.code

    return app
