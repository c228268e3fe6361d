"""The fosterdocs command: parse arguments, call one function, map the result to an exit code.

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 could not run.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .reporters import FORMATS
from .scaffold import new_service
from .validation import CannotRun, Project, validate

CANNOT_RUN = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fosterdocs", description="Check and publish fostering services' "
                                     "statutory documents.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="check services' YAML against the schema and the rules")
    check.add_argument("paths", nargs="*", type=Path, default=[Path("data")], metavar="PATH",
                       help="data folder, service folders or files (default: data)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--today", type=_date, default=date.today(), help="judge dates as on this day (YYYY-MM-DD)")
    check.add_argument("--jobs", type=int, default=None, help="processes to use (default: one per core)")

    new = commands.add_parser("new", help="start a new service from the fictional example")
    new.add_argument("service_id", metavar="SERVICE-ID")
    new.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")
    new.add_argument("--force", action="store_true", help="replace an existing service (it is kept as a backup)")
    return parser


def _validate(args) -> int:
    report = validate(args.paths, args.today, args.jobs)
    sys.stdout.write(FORMATS[args.format](report))
    return report.exit_code


def _new(args) -> int:
    project = Project.find(args.data)
    target, backup = new_service(project.data, args.service_id, args.force)
    if backup:
        print(f"Kept the old folder as {backup}.")
    print(f"Created {target}. Replace the example's details with your service's, then run: "
          f"fosterdocs validate {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"validate": _validate, "new": _new}[args.command](args)
    except CannotRun as err:
        print(f"fosterdocs: {err}", file=sys.stderr)
        return CANNOT_RUN


if __name__ == "__main__":
    sys.exit(main())
