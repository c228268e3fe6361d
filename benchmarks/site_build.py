"""Benchmark: fosterdocs' website build for many services, beside a default plain mkdocs-material build of the same
pages written as static Markdown, in the same run.

It makes a project of N generated services (copies of the bundled services, each renamed, so every service has its
full set of documents), then times `fosterdocs build --no-pdf` (validation included) and a plain `mkdocs build` of
the same pages: each page's content, as fosterdocs rendered it, saved as a Markdown file under the same path, with
mkdocs-material's default settings (every page carries the whole navigation). It repeats both at a third of the
size to show how the site's size grows with the number of services.

    python benchmarks/site_build.py [--services 150] [--keep]

PDFs are left out on both sides: benchmarks/ for the PDFs measures those.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from fosterdocs.project import Project
from fosterdocs.publishing import build, gather

ROOT = Path(__file__).resolve().parents[1]
LINKED = ("mkdocs.yml", "content", "overrides", "macros", "schema")
TODAY = date(2026, 11, 23)


def make_project(root: Path, services: int) -> Path:
    """A project whose data folder holds `services` generated services, cycling through the bundled ones."""
    root.mkdir(parents=True)
    for name in LINKED:
        (root / name).symlink_to(ROOT / name)
    data = root / "data"
    shutil.copytree(ROOT / "data" / "reference", data / "reference")
    bundled = sorted(p for p in (ROOT / "data").iterdir() if p.is_dir() and p.name != "reference")
    for number in range(1, services + 1):
        source = bundled[(number - 1) % len(bundled)]
        target = data / f"{source.name}-{number:03d}"
        shutil.copytree(source, target)
        service = target / "service.yaml"
        text = service.read_text(encoding="utf-8")
        service.write_text(text.replace("\nname: ", f"\nname: Service {number:03d}, ", 1), encoding="utf-8")
    return data


def folder_size(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def plain_markdown(site: Path, docs: Path) -> int:
    """Each page of the fosterdocs site as a static Markdown file (its content, as rendered) under the same path."""
    pages = 0
    for page in site.rglob("index.html"):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        relative = page.parent.relative_to(site)
        target = docs / ("index.md" if relative == Path(".") else relative.with_suffix(".md"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(str(child) for child in article.children), encoding="utf-8")
        pages += 1
    return pages


def plain_build(docs: Path, site: Path, features: list[str]) -> float:
    """A plain mkdocs-material build of docs: Material's defaults plus the given theme features."""
    config = docs.parent / "mkdocs.yml"
    config.write_text(f"site_name: Plain\ndocs_dir: {docs.name}\ntheme:\n  name: material\n  features: {features}\n",
                      encoding="utf-8")
    seconds, _ = timed(lambda: mkdocs_build(load_config(str(config), site_dir=str(site))))
    return seconds


def measure(work: Path, services: int) -> dict:
    data = make_project(work / f"project-{services}", services)
    validating, _ = timed(lambda: gather(Project.find(data), [], TODAY))
    ours, outcome = timed(lambda: build(data, work / f"site-{services}", TODAY, pdfs=False))
    docs = work / f"plain-{services}" / "docs"
    pages = plain_markdown(outcome.site_dir, docs)
    plain = plain_build(docs, work / f"plain-{services}" / "site", [])
    pruned = plain_build(docs, work / f"plain-{services}" / "site-pruned", ["navigation.prune"])
    sites = {"ours": outcome.site_dir, "plain": docs.parent / "site", "pruned": docs.parent / "site-pruned"}
    return {"services": services, "pages": pages, "validate": validating, "ours": ours, "plain": plain,
            "pruned": pruned, **{f"{name}_bytes": folder_size(site) for name, site in sites.items()},
            **{f"{name}_html": folder_size(site, "*.html") for name, site in sites.items()}}


def report(small: dict, large: dict) -> str:
    mb = 1_048_576
    lines = [f"{large['services']} services, {large['pages']} pages (all documents, no PDFs), judged on {TODAY}:",
             f"  fosterdocs build (validate + build): {large['ours']:6.1f} s  "
             f"(validation alone {large['validate']:.1f} s)",
             f"  plain mkdocs-material, default:      {large['plain']:6.1f} s",
             f"  plain mkdocs-material, prune:        {large['pruned']:6.1f} s",
             f"  fosterdocs / plain default:          {large['ours'] / large['plain']:6.2f}  (goal: at most 0.50)",
             "", "Site size at two sizes, and its HTML pages per service (linear growth keeps that level):"]
    for label, key in (("fosterdocs", "ours"), ("plain default", "plain"), ("plain prune", "pruned")):
        per_small, per_large = (run[f"{key}_html"] / run["services"] / 1024 for run in (small, large))
        lines.append(f"  {label:14} {small[key + '_bytes'] / mb:7.1f} MB ({small['services']}) -> "
                     f"{large[key + '_bytes'] / mb:7.1f} MB ({large['services']}); HTML per service "
                     f"{per_small:6.0f} KB -> {per_large:6.0f} KB (x{per_large / per_small:.2f})")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=150, help="how many services to generate (default: 150)")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fosterdocs-bench-"))
    try:
        small = measure(work, max(1, args.services // 3))
        large = measure(work, args.services)
        print(report(small, large))
    finally:
        if args.keep:
            print(f"Kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
