"""Benchmark: `fosterdocs validate` on 450 generated services beside a bare libyaml parse of the same files.

The services are copies of the bundled ones (real sizes, real mistakes), each under its own id. The bare parse is
the practical limit: reading every file and building libyaml's node tree, on one core. The goal is validate within
1.5x of that, using both cores.

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=450)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        files = generate(base, args.services)
        size = sum(p.stat().st_size for p in files)
        command = [sys.executable, "-m", "fosterdocs.cli", "validate", "data", "--format", "json",
                   "--today", "2026-11-23"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: bytecode kept

        def run(*extra: str) -> None:
            subprocess.run(command + list(extra), cwd=base, capture_output=True, check=False, env=env)

        run()  # warm-up: bytecode written, files in the page cache
        best = best_of(args.repeat, {"parse": lambda: bare_parse(files), "validate": run,
                                     "serial": lambda: run("--jobs", "1")})
    parse, validate, serial = best["parse"], best["validate"], best["serial"]
    print(f"{args.services} services, {len(files)} files, {size / 1e6:.1f} MB (best of {args.repeat}, taking turns)")
    print(f"YAML reader: PyYAML {yaml.__version__}, {'libyaml' if yaml.__with_libyaml__ else 'pure Python'}")
    print(f"bare libyaml parse (1 core):     {parse:6.2f} s")
    print(f"fosterdocs validate (2 cores):   {validate:6.2f} s  ({validate / parse:.2f}x the parse; goal 1.5x)")
    print(f"fosterdocs validate (1 core):    {serial:6.2f} s  ({serial / parse:.2f}x the parse)")


if __name__ == "__main__":
    main()
