"""Benchmark: PDFs made by fosterdocs (WeasyPrint, PDF/UA-1, bookmarks) beside the same HTML printed by Chromium.

Two measurements, each run in the same process one after the other:
  1. one realistic statement of purpose (the longest bundled one, 25-30 pages), best of --repeat;
  2. a generated set of --services services (copies of the bundled ones, every document), both cores in use:
     fosterdocs through write_pdfs (a pool of workers), Chromium as two `--print-to-pdf` processes at a time.
Chromium prints the identical HTML and stylesheet with the flags a headless print needs; it is the reference.

    .venv/bin/python benchmarks/pdf_render.py [--services 150] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pikepdf
from validate import ROOT, generate

from fosterdocs import context
from fosterdocs.pdf import created_time, print_html, render, write_pdfs
from fosterdocs.project import Project

TODAY = date(2026, 11, 23)
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]


def contexts_in(data: Path) -> list[context.ServiceContext]:
    return context.gather(Project.find(data), [], TODAY)[1]


def pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def write_html(contexts, folder: Path) -> list[Path]:
    """Every document's print HTML (it links our stylesheet by its full path), for Chromium."""
    folder.mkdir(parents=True, exist_ok=True)
    created, files = created_time(), []
    for service in contexts:
        for kind in service.documents:
            files.append(folder / f"{service.id}-{kind}.html")
            files[-1].write_text(print_html(service, kind, TODAY, created), encoding="utf-8")
    return files


def chromium(html: Path, profile: Path) -> Path:
    """Print one HTML file with headless Chromium (a fresh browser, as --print-to-pdf works)."""
    target = html.with_suffix(".pdf")
    subprocess.run([*CHROMIUM, f"--user-data-dir={profile}", f"--print-to-pdf={target}", html.as_uri()],
                   check=True, capture_output=True)
    return target


def descendants_memory() -> int:
    """Resident memory (bytes) of the largest process below this one."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    mine, found = {os.getpid()}, True
    while found:
        found = {pid for pid, parent in parents.items() if parent in mine and pid not in mine}
        mine |= found
    largest = 0
    for pid in mine - {os.getpid()}:
        try:
            largest = max(largest, int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE"))
        except OSError:
            continue
    return largest


class PeakMemory(threading.Thread):
    """Samples descendants_memory() until stopped; peak is the largest value seen."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.done = 0, threading.Event()

    def run(self):
        while not self.done.wait(0.25):
            self.peak = max(self.peak, descendants_memory())


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def one_statement(base: Path, repeat: int) -> None:
    contexts = contexts_in(ROOT / "data")
    service, kind = max(((c, k) for c in contexts for k in c.documents),
                        key=lambda item: len(print_html(*item, TODAY, "")))
    html = base / "one.html"
    html.write_text(print_html(service, kind, TODAY, created_time()), encoding="utf-8")
    ours = base / "ours.pdf"
    weasy = [timed(lambda: render(print_html(service, kind, TODAY, created_time()), ours)) for _ in range(repeat)]
    chrome = [timed(lambda: chromium(html, base / "profile")) for _ in range(repeat)]
    print(f"One statement: {service.id} {kind}, {pages(ours)} pages ours, {pages(html.with_suffix('.pdf'))} pages "
          f"Chromium ({html.stat().st_size / 1024:.0f} KB of HTML); best / median of {repeat}")
    print(f"  fosterdocs (WeasyPrint, PDF/UA-1, bookmarks): {min(weasy):5.2f} s / {statistics.median(weasy):5.2f} s")
    print(f"  Chromium --print-to-pdf:                      {min(chrome):5.2f} s / {statistics.median(chrome):5.2f} s")
    print(f"  ratio (best): {min(weasy) / min(chrome):.2f}x  (goal: at most 1.5x)")


def service_set(base: Path, count: int) -> None:
    generate(base / "set", count)
    contexts = contexts_in(base / "set" / "data")
    documents = sum(len(c.documents) for c in contexts)
    written: list = []
    memory = PeakMemory()
    memory.start()
    ours = timed(lambda: written.extend(write_pdfs(contexts, base / "site", TODAY)))
    memory.done.set()
    memory.join()
    html_files = write_html(contexts, base / "chromium")
    profiles = [base / "profile-a", base / "profile-b"]

    def print_half(half: int) -> None:
        for html in html_files[half::2]:
            chromium(html, profiles[half])

    with ThreadPoolExecutor(2) as pool:
        chrome = timed(lambda: list(pool.map(print_half, (0, 1))))
    total_pages = sum(pages(f.path) for f in written)
    print(f"{count} services, {documents} documents, {total_pages} pages, {os.cpu_count()} cores")
    print(f"  fosterdocs write_pdfs (process pool): {ours:6.1f} s, {ours / documents:5.2f} s per PDF; "
          f"largest worker {memory.peak / 2**20:.0f} MB")
    print(f"  Chromium, two at a time:              {chrome:6.1f} s, {chrome / documents:5.2f} s per PDF")
    print(f"  ratio: {ours / chrome:.2f}x  (goal: at most 1.5x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not Path(CHROMIUM[0]).exists():
        sys.exit(f"{CHROMIUM[0]} is needed as the reference: apt-get install chromium")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")
    with tempfile.TemporaryDirectory() as folder:
        one_statement(Path(folder), args.repeat)
        service_set(Path(folder), args.services)


if __name__ == "__main__":
    main()
