"""Benchmark: `fosterdocs validate` of one bundled service, and of 450 generated services beside a bare libyaml parse.

Goals: one service (`fosterdocs validate data/norfolk`, a new process: start-up included) under 0.3 s wall; 450
services on 2 cores under 10 s. The generated services are copies of the bundled ones (real sizes, real mistakes),
each under its own id. The bare parse (reading every file and building libyaml's node tree, on one core) shows how
much of the time is the YAML itself. The load average is printed too: other work on the machine slows every figure.

    .venv/bin/python benchmarks/validate.py [--services 450] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ONE_SERVICE = "data/norfolk"
GOALS = {"one": 0.3, "many": 10.0}  # seconds
TODAY = ["--today", "2026-11-23"]


def generate(target: Path, count: int) -> list[Path]:
    """A data folder with count services cycled from the bundled ones, plus the reference data and schemas."""
    shutil.copytree(ROOT / "data" / "reference", target / "data" / "reference")
    shutil.copytree(ROOT / "schema", target / "schema")
    sources = sorted(p for p in (ROOT / "data").iterdir() if p.is_dir() and p.name != "reference")
    for index in range(count):
        shutil.copytree(sources[index % len(sources)], target / "data" / f"service-{index:03d}")
    return sorted((target / "data").glob("service-*/*.yaml"))


def bare_parse(files: list[Path]) -> None:
    for path in files:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def fosterdocs() -> list[str]:
    """The command a user runs: the installed script beside this Python, else the module."""
    script = Path(sys.executable).with_name("fosterdocs")
    return [str(script)] if script.exists() else [sys.executable, "-m", "fosterdocs.cli"]


def best_of(repeat: int, actions: dict) -> dict[str, float]:
    """The best time of each action over repeat rounds, the actions taking turns so that a machine that slows
    down or speeds up part way through affects them all alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: min(found) for name, found in times.items()}


def verdict(seconds: float, goal: float) -> str:
    return f"goal under {goal:g} s: {'met' if seconds < goal else 'NOT met'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=450)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode kept
    command = fosterdocs() + ["validate"]

    def run(folder: Path, *extra: str) -> None:
        subprocess.run(command + list(extra) + ["--format", "json"] + TODAY, cwd=folder, capture_output=True,
                       check=False, env=env)

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = generate(base, args.services)
        size = sum(p.stat().st_size for p in files)
        run(base, "data")  # warm-up: bytecode written, files in the page cache
        best = best_of(args.repeat, {
            "one": lambda: run(ROOT, ONE_SERVICE),
            "parse": lambda: bare_parse(files),
            "many": lambda: run(base, "data"),
            "serial": lambda: run(base, "data", "--jobs", "1"),
        })
    load_after = os.getloadavg()
    one, parse, many, serial = best["one"], best["parse"], best["many"], best["serial"]
    print(f"best of {args.repeat}, taking turns; load average {load_before[0]:.1f} before, {load_after[0]:.1f} "
          f"after, on {os.cpu_count()} cores")
    print(f"YAML reader: PyYAML {yaml.__version__}, {'libyaml' if yaml.__with_libyaml__ else 'pure Python'}")
    print(f"fosterdocs validate {ONE_SERVICE} (a new process): {one:6.2f} s  ({verdict(one, GOALS['one'])})")
    print(f"{args.services} services, {len(files)} files, {size / 1e6:.1f} MB:")
    print(f"  bare libyaml parse (1 core):   {parse:6.2f} s")
    print(f"  fosterdocs validate (2 cores): {many:6.2f} s  ({many / parse:.1f}x the parse; "
          f"{verdict(many, GOALS['many'] * args.services / 450)})")
    print(f"  fosterdocs validate (1 core):  {serial:6.2f} s  ({serial / parse:.1f}x the parse)")


if __name__ == "__main__":
    main()
