"""Benchmark: a document holding one 200 KB unbroken word renders in about the time of a document with 200 KB of
ordinary words (the goal: at most 1.5x), as a PDF and as a website page.

Both are the example's statement of purpose with one paragraph added at its start: one of 200,000 letters with no
space, the other of ordinary words. Each takes turns with the other, best of --repeat.

    .venv/bin/python benchmarks/long_words.py [--size 200000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from datetime import date
from pathlib import Path

from validate import ROOT, best_of

from fosterdocs.context import gather
from fosterdocs.pdf import created_time, print_html, render
from fosterdocs.project import Project
from fosterdocs.publishing import build

TODAY = date(2026, 11, 23)
FIRST = "introduction:\n  title: Introduction\n  content:\n"


def project_with(base: Path, paragraph: str) -> Path:
    """A project whose only service is the example, its statement starting with paragraph; its data folder."""
    base.mkdir()
    for name in ("mkdocs.yml", "content", "overrides", "macros", "schema"):
        (base / name).symlink_to(ROOT / name)
    for name in ("reference", "example"):
        shutil.copytree(ROOT / "data" / name, base / "data" / name)
    statement = base / "data/example/statement-of-purpose.yaml"
    text = statement.read_text(encoding="utf-8")
    assert FIRST in text
    statement.write_text(text.replace(FIRST, f"{FIRST}    - \"{paragraph}\"\n", 1), encoding="utf-8")
    return base / "data"


def pdf_of(data: Path, out: Path) -> None:
    (service,) = gather(Project.find(data), ["example"], TODAY)[1]
    render(print_html(service, "statement-of-purpose", TODAY, created_time()), out, service.folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    words = ("foster carers " * (args.size // 14 + 1))[:args.size]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        data = {name: project_with(base / name, paragraph)
                for name, paragraph in (("word", "w" * args.size), ("words", words))}
        actions = {}
        for name, folder_data in data.items():
            actions[f"pdf-{name}"] = lambda d=folder_data: pdf_of(d, d.parent / "out.pdf")
            actions[f"site-{name}"] = lambda d=folder_data: build(d, d.parent / "site", TODAY, ["example"],
                                                                  pdfs=False)
        best = best_of(args.repeat, actions)
    print(f"One statement of purpose with {args.size:,} characters added (best of {args.repeat}, taking turns):")
    for what in ("pdf", "site"):
        word, words = best[f"{what}-word"], best[f"{what}-words"]
        print(f"{what:4}: one unbroken word {word:6.2f} s, ordinary words {words:6.2f} s "
              f"({word / words:.2f}x; goal at most 1.5x)")


if __name__ == "__main__":
    main()
