"""The fosterdocs command: parse arguments, call one function, map the result to an exit code.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""

from __future__ import annotations

import argparse
import gc
import sys
from datetime import date
from pathlib import Path

from . import __version__, status
from .dates import YEARS, parse_date
from .project import CannotRun, Project, find_root, shown
from .regimes import REGIMES
from .reporters import FORMATS
from .validation import validate

CANNOT_RUN = 2
GC_EVERY = 10_000  # allocations between collections: documents make many small objects and few cycles


def _date(text: str) -> date:
    parsed = parse_date(text)
    if not parsed or parsed[0] != parsed[1]:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD from {YEARS[0]} to "
                                         f"{YEARS[-1]}")
    return parsed[0]


def _days(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 366:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days from 0 to 366")
    return int(text)


class _Version(argparse.Action):
    """--version: the package's version and the date its reference data was last checked (read only when asked)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from .reference import release_checked_on

        print(f"fosterdocs {__version__}\n{release_checked_on()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fosterdocs", description="Check and publish fostering services' "
                                     "statutory documents.")
    parser.add_argument("--version", action=_Version, help="show the version and when its reference data was checked")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="check services' YAML against the schema and the rules")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="data folder, service folders or files (default: the project's data folder)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")
    check.add_argument("--jobs", type=int, default=None, help="processes to use (default: one per core)")

    start = commands.add_parser("init", help="start a service's own repository: its settings, its documents from the "
                                "example, its checks on GitHub")
    start.add_argument("folder", type=Path, metavar="FOLDER", help="the new repository's folder (empty or new)")
    start.add_argument("--service", required=True, metavar="ID", help="the service's id, its folder in data/")
    start.add_argument("--name", required=True, help="the service's name, as the public knows it")
    start.add_argument("--type", required=True, choices=tuple(REGIMES),
                       help="a council's fostering service or an independent fostering agency")
    start.add_argument("--force", action="store_true", help="add fosterdocs' files to a folder that is not empty "
                       "(every file already there is kept)")

    new = commands.add_parser("new", help="start a new service from the fictional example")
    new.add_argument("service_id", metavar="SERVICE-ID")
    new.add_argument("--data", type=Path, help="the data folder (default: the project's)")
    new.add_argument("--type", choices=tuple(REGIMES), default="local-authority",
                     help="a council's fostering service (the default) or an independent fostering agency: the new "
                     "service starts from the fictional example of that type")
    new.add_argument("--force", action="store_true", help="replace an existing service (it is kept as a backup)")

    table = commands.add_parser("status", help="each document's version, approval, next review and Ofsted lodging")
    table.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="data folder, service folders or files (default: the project's data folder)")
    table.add_argument("--format", choices=sorted(status.FORMATS), default="text",
                       help="output format (default: text)")
    table.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")
    table.add_argument("--due", action="store_true", help="only documents whose review or lodging needs action")

    ics = commands.add_parser("calendar", help="write review due dates and Ofsted deadlines as an iCalendar file")
    ics.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                     help="data folder, service folders or files (default: the project's data folder)")
    ics.add_argument("--out", type=Path, default=None, help="the .ics file to write (default: print it)")
    ics.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")
    ics.add_argument("--remind", type=_days, default=14, metavar="DAYS",
                     help="days before each date to show a reminder (default: 14)")
    ics.add_argument("--include-example", action="store_true", help="include the fictional example service")

    changes = commands.add_parser("diff", help="what changed between two versions of a document, or two editions of "
                                  "a whole service (--service), section by section")
    changes.add_argument("old", nargs="?", metavar="OLD", help="the earlier version: a file, a folder, or a git "
                         "revision or tag such as HEAD~1 (with --service, default: the edition last sent to Ofsted)")
    changes.add_argument("new", nargs="?", metavar="NEW", help="the later version: a file, a folder, or a git revision "
                         "(with --service, default: the files as they are now)")
    changes.add_argument("--service", metavar="ID", help="compare every document of this service, each as it reads "
                         "with the shared facts of service.yaml and the reference data")
    changes.add_argument("--data", type=Path, default=argparse.SUPPRESS,  # looked for only with --service: the
                         help="the data folder (default: the project's)")  # file form works outside a project

    lodge = commands.add_parser("lodge", help="prepare the pack that tells Ofsted of a revision (regulation 4), or "
                                "record the day it was sent (--sent) or the guides given out (--resupplied)")
    lodge.add_argument("service", metavar="SERVICE-ID")
    lodge.add_argument("--data", type=Path, help="the data folder (default: the project's)")
    lodge.add_argument("--out", type=Path, help="where packs go, in OUT/SERVICE-ID/DATE (default: lodging/ at the "
                       "top of the project)")
    lodge.add_argument("--since", metavar="OLD", help="list the changes since this edition (a folder or git "
                       "revision; default: each document's edition last sent to Ofsted)")
    lodge.add_argument("--force", action="store_true", help="replace a pack already prepared today")
    lodge.add_argument("--sent", type=_date, metavar="YYYY-MM-DD", help="record that the waiting editions were sent "
                       "to Ofsted on this day (lodged_with_ofsted_on)")
    lodge.add_argument("--resupplied", type=_date, metavar="YYYY-MM-DD", help="record that the revised children's "
                       "guides were given to every foster carer and child placed on this day (resupplied_on)")
    lodge.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")

    pdf = commands.add_parser("pdf", help="check services, then write a PDF of each of their documents")
    pdf.add_argument("services", nargs="*", metavar="SERVICE", help="service ids or folders (default: every service)")
    pdf.add_argument("--data", type=Path, help="the data folder (default: the project's)")
    pdf.add_argument("--out", type=Path, help="where to write the PDFs (default: pdf/ at the top of the project)")
    pdf.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")

    for name, folder, about in (("build", "site", "check services, then write the website and PDFs, showing "
                                 "documents with errors as previews"),
                                ("publish", "public", "write the website and PDFs only if nothing to be published "
                                 "has an error")):
        site = commands.add_parser(name, help=about)
        site.add_argument("services", nargs="*", metavar="SERVICE", help="service ids (default: every service; "
                          "for publish, those fosterdocs.yml lists under publish:, else every service)")
        site.add_argument("--data", type=Path, help="the data folder (default: the project's)")
        site.add_argument("--site-dir", type=Path, help=f"where to write it (default: {folder}/ at the top of the "
                          "project)")
        site.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")
        site.add_argument("--no-pdf", dest="pdf", action="store_false", help="leave out the PDFs (quicker)")

    draft = commands.add_parser("import", help="draft a statement of purpose from a .docx, .pdf, .txt or .md file, "
                                "and report what it lacks")
    draft.add_argument("file", type=Path, metavar="FILE", help="the service's current statement of purpose")
    draft.add_argument("--service", required=True, metavar="ID", help="the service id: writes data/ID/"
                       "statement-of-purpose.yaml")
    draft.add_argument("--data", type=Path, help="the data folder (default: the project's)")
    draft.add_argument("--force", action="store_true", help="replace an existing statement (it is kept as a backup)")
    draft.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")

    serve = commands.add_parser("serve", help="preview the website, rebuilt whenever the data changes")
    serve.add_argument("--data", type=Path, help="the data folder (default: the project's)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="where to serve it (default: 127.0.0.1:8000)")

    edit = commands.add_parser("edit", help="edit the documents in forms in your browser, checked as you type")
    edit.add_argument("--data", type=Path, help="the data folder (default: the project's)")
    edit.add_argument("--port", type=int, default=None, help="the port on 127.0.0.1 (default: 8100 or the next free)")
    edit.add_argument("--no-browser", dest="browser", action="store_false", help="only print the address")
    return parser


def _edit(args) -> int:
    import signal

    from .editor import run  # Flask: only for this command

    if not args.data.is_dir():
        raise CannotRun(f"{args.data} is not a folder.")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped by a service manager: as Ctrl-C
    run(args.data, args.port, args.browser)
    return 0


def _locate(args) -> None:
    """Fill in the folders a command was not given, from the project the working folder is in (any subfolder)."""
    if getattr(args, "paths", None) == []:
        args.paths = [find_root() / "data"]
    if getattr(args, "data", "") is None:
        args.data = find_root() / "data"
    if args.command in ("pdf", "lodge") and args.out is None:
        args.out = find_root(args.data) / ("pdf" if args.command == "pdf" else "lodging")
    if args.command in ("build", "publish") and args.site_dir is None:
        args.site_dir = find_root(args.data) / ("site" if args.command == "build" else "public")


def _validate(args) -> int:
    report = validate(args.paths, args.today, args.jobs)
    sys.stdout.write(FORMATS[args.format](report))
    return report.exit_code


def _new(args) -> int:
    from .resources import SCHEMAS, schema_url
    from .scaffold import new_service  # each command imports what only it needs: validate starts fast

    project = Project.find(args.data)
    schemas_at = None if (project.root / SCHEMAS).is_dir() else schema_url("")
    example = project.resource(REGIMES[args.type].example)
    target, backup = new_service(project.data, example, args.service_id, args.force, schemas_at=schemas_at)
    if backup:
        print(f"Kept the old folder as {backup}.")
    print(f"Created {target}. Replace the example's details with your service's, then run: "
          f"fosterdocs validate {target}")
    return 0


def _init(args) -> int:
    from .repository import init

    sys.stdout.write(init(args.folder, args.service, args.name, args.type, args.force).summary(args.service))
    return 0


def _status(args) -> int:
    table, report = status.collect(args.paths, args.today)
    table = [row for row in table if row.needs_action] if args.due else table
    sys.stdout.write(status.FORMATS[args.format](table, args.today))
    return report.exit_code


def _calendar(args) -> int:
    from . import calendar_ics

    table, _ = status.collect(args.paths, args.today)
    table = [row for row in table if args.include_example or not row.fictional]
    ics = calendar_ics.render(table, args.today, args.remind)
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(ics)
    else:
        calendar_ics.save(ics, args.out)
        print(f"Wrote {args.out}: {ics.count(b'BEGIN:VEVENT')} dates for {len(table)} documents.")
    return 0


def _diff(args) -> int:
    from . import diff

    if args.service:
        data = getattr(args, "data", None) or find_root() / "data"
        results = diff.diff_service(data, args.service, args.old, args.new, date.today())
        sys.stdout.write(diff.render_service(results))
        return 1 if any(result.changed for result in results) else 0
    if args.new is None:
        raise CannotRun("Name two versions of a document, as in fosterdocs diff HEAD~1 "
                        "data/SERVICE/statement-of-purpose.yaml, or compare a whole service: "
                        "fosterdocs diff --service SERVICE")
    (old_label, old), (new_label, new) = diff.read_versions(args.old, args.new)
    changed, unchanged = diff.compare(old, new)
    sys.stdout.write(diff.render(old_label, new_label, changed, unchanged))
    return 1 if changed else 0


def _lodge(args) -> int:
    from . import lodging  # WeasyPrint, for the pack's PDFs: only for this command

    if args.sent or args.resupplied:
        for key, day in ((lodging.SENT, args.sent), (lodging.RESUPPLIED, args.resupplied)):
            if day:
                paths = lodging.record_dates(args.data, args.service, key, day, args.today)
                sys.stdout.write(lodging.recorded(args.service, key, day, paths))
        return 0
    pack = lodging.prepare(args.data, args.service, args.out, args.today, args.since, args.force)
    if pack.report.findings:
        sys.stdout.write(FORMATS["text"](pack.report))
    sys.stdout.write(lodging.summary(pack))
    return 1 if pack.refused else 0


def _pdf(args) -> int:
    from .pdf import make_pdfs  # WeasyPrint takes half a second to import: only load it for this command

    report, files = make_pdfs(args.data, args.services, args.out, args.today)
    sys.stdout.write(FORMATS["text"](report))
    for file in files:
        print(f"Wrote {shown(file.path)} ({file.size / 1024:.0f} KB)"
              f"{' as a DRAFT, not for lodging' if file.draft else ''}")
    return report.exit_code


def _build(args) -> int:
    import logging

    from .publishing import build  # mkdocs takes a while to import: only load it for the site's commands

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")  # mkdocs' own problems
    outcome = build(args.data, args.site_dir, args.today, args.services, args.command == "publish", args.pdf)
    if outcome.refused:
        sys.stdout.write(FORMATS["text"](outcome.report))
        print(f"Not published: put the {outcome.report.errors} errors right first. {shown(args.site_dir)} is "
              "unchanged.")
        return 1
    sys.stdout.write(outcome.summary())
    return 0


def _import(args) -> int:
    from .importing import import_statement  # python-docx and pypdf are only needed for this command

    sys.stdout.write(import_statement(args.file, args.service, args.data, args.force, args.today).summary())
    return 0  # the draft was written; its findings are for the person to review


def _serve(args) -> int:
    import logging
    import signal

    from .serving import serve

    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise CannotRun(f"'{args.dev_addr}' is not HOST:PORT, for example 127.0.0.1:8000.")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)  # start-up notes: not for managers
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped by a service manager: still tidy up
    serve(args.data, host, int(port))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    gc.set_threshold(GC_EVERY, 10, 10)
    try:
        _locate(args)
        return {"validate": _validate, "new": _new, "pdf": _pdf, "status": _status,
                "calendar": _calendar, "diff": _diff, "lodge": _lodge, "build": _build, "publish": _build,
                "serve": _serve, "import": _import, "init": _init, "edit": _edit}[args.command](args)
    except CannotRun as err:
        print(f"fosterdocs: {err}", file=sys.stderr)
        return CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
