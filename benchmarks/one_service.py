"""Benchmark: one service kept up to date, as its manager works: `fosterdocs build SERVICE` with its PDFs (goal 3 s),
and, under `fosterdocs serve`, from a saved file to the updated page (goal 300 ms).

The build is timed as the command (a new process each time) in a copy of the project: first with no PDF cache,
then again with nothing changed (every PDF reused), then with one document changed (that PDF made again).

    python benchmarks/one_service.py [--service example] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_GOAL, SERVE_GOAL = 3.0, 0.3
FOSTERDOCS = [sys.executable, "-m", "fosterdocs.cli"]


def project_copy(folder: Path) -> Path:
    for name in ("data", "schema"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


def timed_build(project: Path, service: str) -> float:
    started = time.perf_counter()
    subprocess.run([*FOSTERDOCS, "build", service], cwd=project, check=True, capture_output=True)
    return time.perf_counter() - started


def change(path: Path, attempt: int) -> str:
    """Reword the first paragraph of a document's first section; returns the new words."""
    words = f"Reworded for attempt {attempt}."
    text = path.read_text(encoding="utf-8")
    start = text.index("\n    - ", text.index("content:")) + len("\n    - ")
    path.write_text(text[:start] + words + text[text.index("\n", start):], encoding="utf-8")
    return words


def builds(service: str, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = project_copy(Path(folder))
        cold = timed_build(project, service)
        again = [timed_build(project, service) for _ in range(repeat)]
        one = []
        for attempt in range(repeat):
            change(project / "data" / service / "childrens-guide-under-8.yaml", attempt)
            one.append(timed_build(project, service))
    print(f"fosterdocs build {service} with its PDFs (a new process each time; goal {BUILD_GOAL:.0f} s):")
    print(f"  no PDF cache:              {cold:5.2f} s")
    print(f"  nothing changed:           {statistics.median(again):5.2f} s median, {min(again):5.2f} s best")
    print(f"  one document changed:      {statistics.median(one):5.2f} s median, {min(one):5.2f} s best")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return ""


def serving(service: str, repeat: int) -> None:
    """Under `fosterdocs serve`: a document saved, then its page asked for every 5 ms until it shows the change."""
    with tempfile.TemporaryDirectory() as folder:
        project = project_copy(Path(folder))
        port = free_port()
        server = subprocess.Popen([*FOSTERDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/{service}/childrens-guide-under-8/"
        try:
            deadline = time.monotonic() + 120
            while not fetch(url) and time.monotonic() < deadline:
                time.sleep(0.2)
            seen = []
            for attempt in range(repeat + 1):
                time.sleep(0.5)
                words = change(project / "data" / service / "childrens-guide-under-8.yaml", attempt)
                started = time.perf_counter()
                while words not in fetch(url):
                    if time.perf_counter() - started > 30:
                        raise SystemExit(f"serve did not show the change to {url} within 30 s")
                    time.sleep(0.005)
                if attempt:  # (the first: the warm-up)
                    seen.append(time.perf_counter() - started)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    print(f"fosterdocs serve, from a saved file to its updated page (goal {SERVE_GOAL * 1000:.0f} ms):")
    print(f"  {statistics.median(seen) * 1000:5.0f} ms median, {min(seen) * 1000:5.0f} ms best, "
          f"{max(seen) * 1000:5.0f} ms worst ({repeat} saves)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--service", default="example")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    serving(args.service, args.repeat)
    builds(args.service, args.repeat)


if __name__ == "__main__":
    main()
