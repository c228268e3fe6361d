"""The lock file pins, with hashes, every dependency pyproject.toml declares, at a version pyproject.toml allows."""

from __future__ import annotations

import re
import tomllib

from cipaths import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\]+)", re.MULTILINE)


def _pins() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, version in PIN.findall(text)}


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    build = project["build-system"]["requires"]
    wanted = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"], *build]
    return [Requirement(line) for line in wanted]


def test_every_declared_dependency_is_locked_at_an_allowed_version():
    pins = _pins()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {requirement.name} {pins[name]}, outside {requirement.specifier}: run `make lock`")


def test_every_pin_carries_its_hash():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    starts = [match.start() for match in PIN.finditer(text)] + [len(text)]
    entries = [text[start:end] for start, end in zip(starts, starts[1:])]
    assert len(entries) > 50 and all("--hash=sha256:" in entry for entry in entries)
