"""`fosterdocs init`: a service's own repository, holding only its data and settings; fosterdocs itself is installed
(the pinned release), never copied.

It writes fosterdocs.yml, data/ID/ started from the example, a README for the registered manager, .gitignore,
requirements.txt (the pin), .pre-commit-config.yaml (fosterdocs' hook), the GitHub workflows and a Dependabot
configuration, from the templates in templates/repository/.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import __version__, resources
from .config import CONFIG_FILE, SCHEMA
from .project import CannotRun, check_new_service_id, shown
from .regimes import REGIMES
from .scaffold import new_service

TEMPLATES = Path(__file__).parent / "templates" / "repository"
SERVICE_TYPES = tuple(REGIMES)
AXE_CLI_VERSION = "4.13.0"  # @axe-core/cli, run by the generated check on every page
LINKCHECKER_VERSION = "10.6.0"
_NAME = re.compile(r"^[^\x00-\x1f\x7f<>]{2,120}$")


@dataclass
class Started:
    """What init wrote, and what it found already there and kept."""

    root: Path
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)

    def summary(self, service_id: str) -> str:
        lines = [f"Started a fosterdocs repository in {shown(self.root)}:"]
        lines += [f"  wrote {path.relative_to(self.root).as_posix()}" for path in self.written]
        lines += [f"  kept your {path.relative_to(self.root).as_posix()} as it was" for path in self.kept]
        lines += ["Next: replace the example's details in data/{0}/ (fosterdocs validate lists each one left), "
                  "then put the folder on GitHub. README.md says how.".format(service_id)]
        return "\n".join(lines) + "\n"


def _target(template: str) -> str:
    """The file a template writes: gitignore -> .gitignore, github/... -> .github/..."""
    return "." + template if template in ("gitignore", "pre-commit-config.yaml") or template.startswith("github/") \
        else template


def _environment() -> Environment:
    # [[ ]] and [% %]: the workflows are full of GitHub's own ${{ }} expressions, which must stay as they are
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), variable_start_string="[[", variable_end_string="]]",
                      block_start_string="[%", block_end_string="%]", undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = lambda text: json.dumps(str(text), ensure_ascii=False)  # a double-quoted YAML scalar
    env.filters["markdown"] = lambda text: re.sub(r"([\\`*_\[\]#|!])", r"\\\1", str(text))
    return env


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically: a temporary file, hard-linked into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.link(temporary, path)  # fails if path appeared meanwhile: never replaces a file
    finally:
        os.unlink(temporary)


def init(folder: Path, service_id: str, name: str, service_type: str, force: bool = False) -> Started:
    """Make folder a service's repository; refuse a folder that holds anything unless force, and even then keep
    every file already there."""
    if service_type not in SERVICE_TYPES:
        raise CannotRun(f"'{service_type}' is not a type of service: use local-authority or independent-agency.")
    if not _NAME.match(name.strip()):
        raise CannotRun(f"'{name}' cannot be the service's name: write it on one line, in 2 to 120 characters, "
                        "without < or >.")
    if folder.exists() and not folder.is_dir():
        raise CannotRun(f"{shown(folder)} is a file, not a folder.")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise CannotRun(f"{shown(folder)} is not empty. Nothing was changed: choose an empty or new folder, or add "
                        "--force to add fosterdocs' files to it (files already there are kept as they are).")
    check_new_service_id(service_id)
    folder.mkdir(parents=True, exist_ok=True)
    started = Started(folder.resolve())
    values = {"version": __version__, "service": service_id, "name": name.strip(),
              "repository": resources.UPSTREAM_URL, "action": resources.UPSTREAM,
              "schema_url": resources.schema_url(SCHEMA), "axe_version": AXE_CLI_VERSION,
              "linkchecker_version": LINKCHECKER_VERSION, "config_file": CONFIG_FILE}
    env = _environment()
    for template in sorted(env.list_templates()):
        target = started.root / _target(template)
        if target.exists():
            started.kept.append(target)
            continue
        _write_new(target, env.get_template(template).render(values))
        started.written.append(target)
    data = started.root / "data"
    if (data / service_id).exists():
        started.kept.append(data / service_id)
    else:
        data.mkdir(exist_ok=True)
        target, _ = new_service(data, resources.bundled(REGIMES[service_type].example), service_id,
                                facts={"name": name.strip(), "type": service_type},
                                schemas_at=resources.schema_url(""))
        started.written.append(target)
    return started
