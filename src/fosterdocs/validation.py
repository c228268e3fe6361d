"""Validate what a command names: work out which services and files, check each service, gather one report."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from .findings import Report
from .project import CannotRun, Project
from .reference import overdue_checks
from .service_check import CheckedService, check_service

PARALLEL_FROM = 8  # services; below this, starting workers costs more than it saves

_PROJECT: Project | None = None


def _work(task: tuple[Path, list[Path] | None, date, bool]) -> CheckedService:
    return check_service(_PROJECT, *task)


def validate(paths: list[Path], today: date, jobs: int | None = None, keep: bool = False,
             project: Project | None = None) -> Report:
    """Validate the services and files named by paths (all of a data folder, a service folder, or files) of the
    project (found from the first path unless given); keep: the report also holds each service's files as read
    (report.shelves), for the commands that go on to show them."""
    global _PROJECT
    for path in paths:
        if not path.exists():
            raise CannotRun(f"{path} does not exist.")
    project = project or Project.find(paths[0])
    tasks: dict[Path, list[Path] | None] = {}
    for path in (p.resolve() for p in paths):
        if path == project.data.resolve():
            tasks.update({folder: None for folder in project.services()})
        elif path.is_dir():
            tasks[path] = None
        elif path.suffix in (".yaml", ".yml"):
            if tasks.get(path.parent, []) is not None:
                tasks.setdefault(path.parent, []).append(path)
        else:
            raise CannotRun(f"{path} is not a YAML file or a folder of them.")
    report = Report(services=[folder.name for folder in tasks])
    report.findings += project.reference_findings + overdue_checks(project.reference, today,
                                                                   not project.own_reference)
    work = [(folder, only, today, keep) for folder, only in tasks.items()]
    jobs = jobs or os.cpu_count() or 1
    _PROJECT = project
    if jobs > 1 and len(work) >= PARALLEL_FROM:
        import multiprocessing  # (here: one service starts without them)
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_work, work, chunksize=max(1, len(work) // (jobs * 16))))
    else:
        results = [_work(task) for task in work]
    for folder, checked in zip(tasks, results):
        report.findings += checked.findings
        report.files += checked.files
        if checked.shelf:
            report.shelves[folder.name] = checked.shelf
    return report
