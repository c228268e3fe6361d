"""Telling Ofsted of a revision (regulation 4): the lodging pack, then the dates it was sent and given out.

`fosterdocs lodge ID` writes, for every approved edition of a statement of purpose or children's guide not yet
recorded as sent, a pack in lodging/ID/DATE/: each document's PDF, a covering letter (a tagged PDF and the same text
as plain text) listing what changed since the edition last sent, and an email draft (.eml) with the PDFs attached,
addressed to the lodging address the service sets in service.yaml. fosterdocs sends nothing. `--sent DATE` then
records lodged_with_ofsted_on in each of those documents, and `--resupplied DATE` records resupplied_on in each
revised children's guide, through a round trip that keeps the file's comments and order.
"""

from __future__ import annotations

import difflib
import io
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .atomic import ChangedMeanwhile, replace_file
from .context import DocumentContext, ServiceContext, gather
from .dates import long_date
from .diff import DocumentChanges, compare_service
from .document_types import DOCUMENTS, REVIEWED_KINDS
from .documents import Shelf
from .edition import LODGE_WITHIN_DAYS, Edition
from .edition_sources import EditionSources
from .findings import ERROR, Finding, Report
from .project import CannotRun, Project, shown
from .rendering import environment
from .rule_catalogue import rule

SENT, RESUPPLIED = "lodged_with_ofsted_on", "resupplied_on"
REG4_WORDS = "regulation 4 of the Fostering Services (England) Regulations 2011"
PUT_RIGHT_BY_LODGING = {"lifecycle/not-lodged", "lifecycle/guide-not-resupplied"}  # not reasons to refuse a pack
LETTER = "covering-letter"
EMAIL = "email-to-ofsted.eml"
HOW_TO_SEND = "how-to-send.txt"


@dataclass
class Waiting:
    """A document whose approved edition has not yet been recorded as sent to Ofsted."""

    name: str
    document: DocumentContext
    edition: Edition

    @property
    def approved(self) -> date:
        return self.edition.approved[1]

    @property
    def lodge_by(self) -> date:
        return self.edition.lodge_by


@dataclass
class Pack:
    """What `fosterdocs lodge` did: the folder and files it wrote, or the report it was refused on."""

    service: ServiceContext
    waiting: list[Waiting]
    folder: Path | None = None
    files: list[Path] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    refused: bool = False


def waiting(service: ServiceContext) -> list[Waiting]:
    """The service's approved editions of documents Ofsted is told of, not yet recorded as sent."""
    found = []
    for name, document in service.documents.items():
        edition = Edition.of(document.meta)
        if DOCUMENTS.get(name) in REVIEWED_KINDS and edition.approved and not edition.is_lodged:
            found.append(Waiting(name, document, edition))
    return found


def _blocking(service: ServiceContext, report: Report, chosen: list[Waiting]) -> Report:
    """The errors that stop a pack, as `publish` is stopped: in the documents to send, the service.yaml they share,
    or the reference data (not the lateness that lodging puts right)."""
    names = {f"{shown(service.folder / (w.name + '.yaml'))}" for w in chosen} | {shown(service.folder / "service.yaml")}
    errors = [f for f in report.findings if f.severity == ERROR and f.rule not in PUT_RIGHT_BY_LODGING
              and (f.file in names or f.service not in report.services)]
    return Report(errors, services=[service.id])


def _changes(project: Project, service: ServiceContext, since: str | None, today: date, findings: list[Finding],
             current: Shelf | None) -> dict[str, DocumentChanges]:
    """Each document's changes since the edition last sent (or since `since`, which must exist) to the files as
    validate read them (current); a finding when the edition last sent cannot be found."""
    try:
        with EditionSources(project, service.id) as editions:
            return {c.name: c for c in compare_service(editions, since, None, today, current)}
    except CannotRun as err:
        if since:
            raise
        findings.append(rule("lodging/no-changes-listed").finding(
                                shown(service.folder / "service.yaml"), 1, 1,
                                f"The covering letter cannot list what changed: {err}",
                                "Keep the service's folder in git (the edition sent is found from its history), or "
                                f"name the edition last sent: fosterdocs lodge {service.id} --since "
                                "FOLDER-OR-REVISION. Until then, write the changes into the letter before you send "
                                "it.", service.id))
        return {}


def _record(value) -> dict:
    return value if isinstance(value, dict) else {}


def _address(record: dict) -> list[str]:
    address = _record(record.get("address"))
    lines = address.get("lines") if isinstance(address.get("lines"), list) else []
    return [str(line) for line in [*lines, address.get("postcode")] if line]


def _sender(service: dict) -> dict:
    """Who signs the letter and sends the email: the registered manager in service.yaml."""
    manager = _record(service.get("registered_manager"))
    return {"name": manager.get("name"), "role": manager.get("role"), "email": manager.get("email"),
            "phone": manager.get("phone"), "address": _address(manager)}


def letter(service: ServiceContext, chosen: list[Waiting], changes: dict[str, DocumentChanges], ofsted: dict,
           to: str | None, today: date) -> dict:
    """The covering letter's content, shared by its PDF, its text and the email: every value from the data."""
    titles = [w.document.title for w in chosen]
    urn = service.service.get("ofsted_urn")
    documents = []
    for item in chosen:
        meta = item.document.meta
        summary = next((str(r.get("summary")) for r in meta.get("revisions") or [] if isinstance(r, dict)
                        and str(r.get("approved_on")) == str(meta.get("approved_on")) and r.get("summary")), "")
        result = changes.get(item.name)
        documents.append({
            "title": item.document.title, "file": item.document.pdf_name,
            "edition": ", ".join(str(v) for v in (meta.get("period"), meta.get("version")) if v) or "not named",
            "approved_by": str(meta.get("approved_by") or "not recorded"), "approved_on": long_date(item.approved),
            "lodge_by": long_date(item.lodge_by), "late": today > item.lodge_by, "summary": summary,
            "compared_with": result.old_label if result else "",
            "changes": [(s.title, s.changes) for s in result.sections] if result else None,
            "guide": DOCUMENTS.get(item.name) == "childrens-guide"})
    return {"service": service.name, "legal_name": service.service.get("legal_name"), "urn": urn,
            "sender": _sender(service.service), "date": long_date(today), "to": to,
            "ofsted": [ofsted.get("name") or "Ofsted", *_address(ofsted)],
            "subject": f"Revised {' and '.join(titles) if len(titles) < 3 else ', '.join(titles)} – {service.name}"
                       + (f" (URN {urn})" if urn else ""),
            "documents": documents, "within": LODGE_WITHIN_DAYS, "regulation": REG4_WORDS}


def letter_text(content: dict) -> str:
    """The covering letter as plain text (for the email's body and the .txt file)."""
    sender = content["sender"]
    lines = [line for line in (content["service"], content["legal_name"], *sender["address"], sender["phone"],
                               sender["email"]) if line]
    lines += ["", content["date"], "", *content["ofsted"]]
    if content["to"]:
        lines.append(content["to"])
    lines += ["", content["subject"], "", "Dear Ofsted,", "",
              f"Under {content['regulation']}, we are telling you of a revision to {content['service']}'s "
              f"documents within {content['within']} days of its approval. The revised "
              f"{'edition is' if len(content['documents']) == 1 else 'editions are'} attached:", ""]
    for document in content["documents"]:
        lines += [f"- {document['title']} ({document['file']})",
                  f"  Edition: {document['edition']}",
                  f"  Approved by {document['approved_by']} on {document['approved_on']}.",
                  f"  Deadline for Ofsted: {document['lodge_by']} ({content['within']} days after approval)"
                  + (": this is late, and we apologise for the delay." if document["late"] else ".")]
        if document["summary"]:
            lines.append(f"  Summary of the revision: {document['summary']}")
        if document["guide"]:
            lines.append("  We are giving this revised guide to every foster carer and, as suits their age and "
                         "understanding, every child placed.")
        lines.append("")
    lines += ["What has changed", ""]
    for document in content["documents"]:
        lines.append(f"{document['title']} (compared with {document['compared_with']}):" if document["compared_with"]
                     else f"{document['title']}:")
        if document["changes"] is None:
            lines.append("  [fosterdocs could not list the changes: write them here before sending.]")
        for title, sentences in document["changes"] or []:
            lines.append(f"  {title}")
            lines += [f"    - {sentence}" for sentence in sentences]
        lines.append("")
    lines += ["Yours sincerely,", "", *[line for line in (sender["name"], sender["role"], content["service"]) if line]]
    return "\n".join(lines) + "\n"


def _email(content: dict, attachments: list[Path]) -> bytes:
    """An RFC 5322 draft (X-Unsent: mail programs open it ready to send) with the PDFs attached."""
    message = EmailMessage()
    sender = content["sender"]
    if sender["email"]:
        message["From"] = f"{sender['name']} <{sender['email']}>" if sender["name"] else sender["email"]
    if content["to"]:
        message["To"] = content["to"]
    message["Subject"] = content["subject"]
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["X-Unsent"] = "1"
    message.set_content(letter_text(content))
    for path in attachments:
        message.add_attachment(path.read_bytes(), maintype="application", subtype="pdf", filename=path.name)
    return message.as_bytes(policy=SMTP)


def _no_address(service: ServiceContext, ofsted: dict) -> Finding:
    where = ofsted.get("email") or ofsted.get("website") or "the address Ofsted gave the service"
    return rule("lodging/no-address").finding(shown(service.folder / "service.yaml"), 1, 1,
                   "service.yaml sets no lodging address, so the email draft is addressed to nobody.",
                   "Add the address Ofsted gave the service for notifications to service.yaml as lodging: {email: "
                   f"ADDRESS}}, then prepare the pack again; or send the pack yourself (Ofsted: {where}).",
                   service.id)


def _target(out: Path, service: ServiceContext, project: Project, today: date, force: bool) -> Path:
    """The pack's folder, out/ID/DATE, checked: outside the data folder, and not someone's files unless force."""
    target = out / service.id / today.isoformat()
    if target.resolve().is_relative_to(project.data.resolve()):
        raise CannotRun(f"{shown(target)} is inside the data folder: choose a folder outside it for lodging packs.")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise CannotRun(f"{shown(target)} is not a folder fosterdocs can write a lodging pack into.")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise CannotRun(f"{shown(target)} already holds a lodging pack. Nothing was changed; add --force to replace "
                        "it.")
    return target


def prepare(data: Path, service_id: str, out: Path, today: date, since: str | None = None,
            force: bool = False) -> Pack:
    """Check the service, then write its lodging pack (nothing when nothing waits or an error stands)."""
    from .pdf import created_time, print_html, render  # WeasyPrint takes a while to import: only for the pack

    project = Project.find(data)
    report, services = gather(project, [service_id], today)
    (service,) = services
    chosen = waiting(service)
    pack = Pack(service, chosen, report=Report(files=[shown(service.folder / "service.yaml")],
                                               services=[service.id]))
    if not chosen:
        return pack
    blocking = _blocking(service, report, chosen)  # (before any folder is made: a refused pack writes nothing)
    if blocking.errors:
        return Pack(service, chosen, report=blocking, refused=True)
    target = _target(out, service, project, today, force)
    ofsted = project.reference.regulators.get("ofsted", {})
    to = _record(service.service.get("lodging")).get("email")
    if not to:
        pack.report.findings.append(_no_address(service, ofsted))
    changes = _changes(project, service, since, today, pack.report.findings, report.shelves.get(service.id))
    content = letter(service, chosen, changes, ofsted, to, today)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.writing-", dir=target.parent))
    try:
        created = created_time()
        documents = []
        for item in chosen:
            path = staging / item.document.pdf_name
            render(print_html(service, item.name, today, created), path, service.folder)
            documents.append(path)
        html = environment().get_template("lodging/letter.html").render(letter=content, created=created)
        render(html, staging / f"{LETTER}.pdf")
        (staging / f"{LETTER}.txt").write_text(letter_text(content), encoding="utf-8")
        (staging / EMAIL).write_bytes(_email(content, [staging / f"{LETTER}.pdf", *documents]))
        (staging / HOW_TO_SEND).write_text(how_to_send(service, content, ofsted, documents), encoding="utf-8")
        os.chmod(staging, 0o755)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except OSError as err:
        raise CannotRun(f"Could not write the lodging pack in {shown(target)}: {err.strerror or err}.") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pack.folder = target
    pack.files = sorted(target.iterdir())
    return pack


def how_to_send(service: ServiceContext, content: dict, ofsted: dict, documents: list[Path]) -> str:
    """The pack's own note: where it goes, what to attach, and what to run once it has gone."""
    if content["to"]:
        where = [f"Send {EMAIL} (open it in your mail program: it is a draft, addressed to {content['to']}, with the "
                 "PDFs attached), after reading it through."]
    else:
        contact = [f"{label}: {ofsted[key]}" for key, label in (("email", "Email"), ("website", "Website"))
                   if ofsted.get(key)]
        where = ["service.yaml sets no lodging address (lodging: {email: ...}), so the email draft is addressed to "
                 "nobody. Send it, or the PDFs and the covering letter, the way Ofsted has asked the service to.",
                 "Ofsted's details as fosterdocs' reference data holds them (check them first):",
                 *[f"  {line}" for line in [*contact, ", ".join(content["ofsted"])]]]
    return "\n".join([f"Lodging pack for {service.name}, prepared {content['date']}. fosterdocs has sent nothing.", "",
                      *where, "", "Attach:", f"  {LETTER}.pdf (the covering letter; the same text is in {LETTER}.txt)",
                      *[f"  {path.name}" for path in documents], "",
                      f"Regulation 4: Ofsted must be told within {LODGE_WITHIN_DAYS} days of approval. When it has "
                      "gone, record the day:", f"  fosterdocs lodge {service.id} --sent YYYY-MM-DD"]) + "\n"


def summary(pack: Pack) -> str:
    """What `fosterdocs lodge` tells the person who ran it."""
    service = pack.service
    if pack.refused:
        return (f"Not prepared: put the {pack.report.errors} error{'s' * (pack.report.errors != 1)} above right "
                "first (a document with errors cannot be lodged). Nothing was written.\n")
    if not pack.waiting:
        approved = [name for name, d in service.documents.items()
                    if DOCUMENTS.get(name) in REVIEWED_KINDS and Edition.of(d.meta).approved]
        if not approved:
            return (f"Nothing to lodge: no edition of {service.name}'s statement of purpose or children's guides "
                    "records its approval (document: approved_on). Record it once the edition is approved.\n")
        return (f"Nothing to lodge: every approved edition of {service.name}'s statement of purpose and children's "
                "guides is recorded as sent to Ofsted.\n")
    addressed = not any(f.rule == "lodging/no-address" for f in pack.report.findings)
    lines = [f"Prepared the lodging pack for {service.name} in {shown(pack.folder)}:",
             *[f"  {path.name}" for path in pack.files],
             "Nothing has been sent. " + (f"Open {EMAIL}, check it and send it" if addressed else
                                          "Send the PDFs and the covering letter to Ofsted") + "; then record the day:",
             f"  fosterdocs lodge {service.id} --sent YYYY-MM-DD"]
    if any(w.document.easy_read for w in pack.waiting):
        lines += ["When every foster carer and child placed has the revised guide (regulation 4), record that too:",
                  f"  fosterdocs lodge {service.id} --resupplied YYYY-MM-DD"]
    return "\n".join(lines) + "\n"


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, order and quoting kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


AFTER = ("approved_on", "published_on", SENT, RESUPPLIED)  # a new date goes after the last of these in the file


def record(path: Path, key: str, day: date) -> None:
    """Set document.<key> to day in the file, keeping everything else as written: refused when the round trip would
    change any other line, or the file changed meanwhile."""
    original = path.read_bytes()
    yaml = _yaml()
    try:
        data = yaml.load(original)
    except YAMLError as err:
        raise CannotRun(f"{shown(path)} cannot be read to record the date: {err}") from None
    meta = data.get("document") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        raise CannotRun(f"{shown(path)} has no document: block to record the date in.")
    if key in meta:
        meta[key] = day
    else:
        position = max((list(meta).index(k) + 1 for k in AFTER if k in meta), default=len(meta))
        meta.insert(position, key, day)
    written = io.BytesIO()
    yaml.dump(data, written)
    if _lines_changed(original, written.getvalue()) > 1:
        raise CannotRun(f"Recording the date would also change the layout of other lines of {shown(path)}, so "
                        f"nothing was written. Add `{key}: {day.isoformat()}` to its document: block yourself.")
    try:
        replace_file(path, written.getvalue(), expected=original)
    except ChangedMeanwhile:
        raise CannotRun(f"{shown(path)} changed while fosterdocs was recording the date, so it was left as it is "
                        "now. Run the command again.") from None
    except OSError as err:
        raise CannotRun(f"Could not write {shown(path)}: {err.strerror or err}.") from None


def _lines_changed(before: bytes, after: bytes) -> int:
    """How many lines of before a rewrite replaced or removed, plus the lines it added beyond those."""
    old, new = before.splitlines(), after.splitlines()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in
               difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if tag != "equal")


def record_dates(data: Path, service_id: str, key: str, day: date, today: date) -> list[Path]:
    """Record that the waiting editions were sent to Ofsted (key SENT) or that the revised guides were given out
    (RESUPPLIED) on day; the files written."""
    if day > today:
        raise CannotRun(f"{day.isoformat()} has not happened yet: record the day it was done, on or after it.")
    project = Project.find(data)
    folder = project.service(service_id)
    chosen = []
    for name, kind in DOCUMENTS.items():
        path = folder / f"{name}.yaml"
        if not path.is_file() or (kind not in REVIEWED_KINDS if key == SENT else kind != "childrens-guide"):
            continue
        edition = _edition_of(path)
        if edition.approved and not (edition.is_lodged if key == SENT else edition.is_resupplied):
            if day < edition.approved[0]:
                raise CannotRun(f"{shown(path)} was approved on {long_date(edition.approved[0])}, after "
                                f"{long_date(day)}: give the day this edition was "
                                f"{'sent to Ofsted' if key == SENT else 'given out'}. Nothing was changed.")
            chosen.append(path)
    for path in chosen:
        record(path, key, day)
    return chosen


def _edition_of(path: Path) -> Edition:
    from .loading import load

    loaded, _ = load(path, shown(path))
    data = loaded.data if loaded else None
    return Edition.of(data.get("document") if isinstance(data, dict) else None)


def recorded(service_id: str, key: str, day: date, paths: list[Path]) -> str:
    """What --sent or --resupplied tells the person who ran it."""
    what = "sent to Ofsted" if key == SENT else "given to every foster carer and child placed"
    if not paths:
        waiting_for = ("approved edition waiting to be recorded as sent" if key == SENT else
                       "approved children's guide waiting to be recorded as given out")
        return f"Nothing recorded: {service_id} has no {waiting_for}.\n"
    lines = [f"Recorded {key}: {day.isoformat()} ({what}) in:", *[f"  {shown(p)}" for p in paths],
             "fosterdocs status and the calendar now show this done. Commit the change, so that diff --service "
             "compares the next edition with this one." if key == SENT else
             "fosterdocs status no longer shows the regulation 4 reminder for these guides."]
    return "\n".join(lines) + "\n"

