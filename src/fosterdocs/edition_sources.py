"""Where an edition of a service comes from: the working tree, a folder, a file, or a git revision or tag.

Every edition is read into the same shape, a service folder and a reference folder on disk (a git revision is
written out to a temporary folder first), so that its documents are loaded, and their `use:` resolved, exactly as
`validate` and the site do. The edition last sent to Ofsted is found in the git history: the latest commit that set
a document's `lodged_with_ofsted_on`.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from .document_types import DOCUMENTS, FILES
from .loading import load
from .project import CannotRun, Project, shown

LODGED_KEY = "lodged_with_ofsted_on"
REFERENCE_FILE = "regulators.yaml"  # the reference data documents show with `use: reference/...`


@dataclass(frozen=True)
class EditionSource:
    """One edition of a service: its folder (None: the service did not exist then), its reference data, and how to
    name it to a person."""

    label: str
    folder: Path | None
    reference: Path
    note: str = ""  # said before the changes: why every document shows as new, for example
    commit: str = ""  # the git commit it was read from, if any

    def file(self, name: str) -> Path | None:
        """The edition's file called name (service.yaml, statement-of-purpose.yaml...), when it has one."""
        path = self.folder / name if self.folder else None
        return path if path and path.is_file() else None


def git(folder: Path, *args: str) -> subprocess.CompletedProcess | None:
    """git run in folder (bytes out), or None when git is not installed."""
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except OSError:
        return None


def git_root(folder: Path) -> Path | None:
    """The top of the git work tree folder is in, or None when it is not in one (or git is not installed)."""
    done = git(folder, "rev-parse", "--show-toplevel")
    return Path(done.stdout.decode("utf-8").strip()) if done and done.returncode == 0 else None


def commit_of(root: Path, revision: str) -> str | None:
    """The commit a revision or tag names, or None when it names none."""
    if revision.startswith("-"):
        return None  # never an option to git
    done = git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    return done.stdout.decode("ascii").strip() if done and done.returncode == 0 else None


def _git_path(root: Path, path: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def _write_out(root: Path, commit: str, folder: Path, target: Path) -> bool:
    """Write the YAML files of folder, as they were at commit, into target; False when it held none then."""
    where = _git_path(root, folder)
    listed = git(root, "ls-tree", "--name-only", f"{commit}:{where}")
    names = [n for n in listed.stdout.decode("utf-8").splitlines() if n.endswith(".yaml")] if listed and \
        listed.returncode == 0 else []
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shown_file = git(root, "show", f"{commit}:{where}/{name}")
        if shown_file and shown_file.returncode == 0:
            (target / name).write_bytes(shown_file.stdout)
    return bool(names)


class EditionSources:
    """Reads the editions of one service of a project; temporary folders last until close()."""

    def __init__(self, project: Project, service_id: str):
        self.folder = project.service(service_id)
        self.project, self.service_id = project, self.folder.name
        self.root = git_root(project.data)
        self._stack = ExitStack()
        self._at: dict[str, EditionSource] = {}

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> EditionSources:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def working_tree(self) -> EditionSource:
        return EditionSource(f"the files in {shown(self.folder)} as they are now", self.folder,
                       self.project.data / "reference")

    def given(self, text: str) -> EditionSource:
        """The edition named on the command line: a folder, a file (that document, the rest as now), or a revision."""
        path = Path(text)
        if path.is_dir():
            return self._folder(path)
        if path.is_file():
            return self._file(path)
        if self.root is None:
            raise CannotRun(f"'{text}' is not a folder or a file, and {shown(self.project.data)} is not in a git "
                            "repository, so it cannot be a revision. " + self.two_folders())
        commit = commit_of(self.root, text)
        if commit is None:
            raise CannotRun(f"'{text}' is not a folder, a file, or a git revision or tag of this repository.")
        return self.at(commit, text)

    def at(self, commit: str, name: str) -> EditionSource:
        """The service as it was at a commit (written out once to a temporary folder)."""
        if commit not in self._at:
            scratch = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="fosterdocs-edition-")))
            service, reference = scratch / self.service_id, scratch / "reference"
            existed = _write_out(self.root, commit, self.folder, service)
            _write_out(self.root, commit, self.project.data / "reference", reference)
            if not (reference / REFERENCE_FILE).is_file():  # reference data not in git then: today's
                shutil.copytree(self.project.data / "reference", reference, dirs_exist_ok=True)
            label = f"{shown(self.folder)} at {name}"
            note = "" if existed else (f"{shown(self.folder)} did not exist at {name}, so every document is shown "
                                       "as new.")
            self._at[commit] = EditionSource(label, service if existed else None, reference, note, commit)
        return self._at[commit]

    def latest(self, editions: list[EditionSource]) -> EditionSource:
        """The newest of some editions read from git (by commit date); the last one when none was."""
        commits = [e.commit for e in editions if e.commit]
        if not commits:
            return editions[-1]
        done = git(self.root, "rev-list", "--no-walk=sorted", *dict.fromkeys(commits))
        newest = done.stdout.decode("ascii").split()[0] if done and done.returncode == 0 else commits[0]
        return self._at[newest]

    def _folder(self, path: Path) -> EditionSource:
        """A service folder, or a data folder holding one called after this service."""
        if (path / self.service_id).is_dir() and not any((path / f"{n}.yaml").is_file() for n in FILES):
            path = path / self.service_id
        if not any((path / f"{n}.yaml").is_file() for n in FILES):
            raise CannotRun(f"{shown(path)} holds no fosterdocs documents (service.yaml, statement-of-purpose.yaml...)."
                            f" Give a copy of the service's folder, such as {shown(self.folder)}.")
        beside = path.parent / "reference"
        reference = beside if (beside / REFERENCE_FILE).is_file() else self.project.data / "reference"
        return EditionSource(shown(path), path, reference)

    def _file(self, path: Path) -> EditionSource:
        """One document's file, in place of the service's file of that name; the rest as it is now."""
        if path.suffix not in (".yaml", ".yml") or path.stem not in FILES:
            raise CannotRun(f"{shown(path)} is not named as a document ({', '.join(f'{n}.yaml' for n in DOCUMENTS)}"
                            " or service.yaml), so fosterdocs cannot tell which document it is. Compare it without "
                            f"--service: fosterdocs diff {shown(path)} {shown(self.folder)}/statement-of-purpose.yaml")
        scratch = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="fosterdocs-edition-")))
        shutil.copytree(self.folder, scratch, dirs_exist_ok=True)
        shutil.copyfile(path, scratch / f"{path.stem}.yaml")
        return EditionSource(f"{shown(path)} (with the rest of {shown(self.folder)} as it is now)", scratch,
                       self.project.data / "reference")

    def two_folders(self) -> str:
        return (f"Give the two editions as folders instead: fosterdocs diff --service {self.service_id} OLD-FOLDER "
                f"{shown(self.folder)} (OLD-FOLDER: a copy of the service's folder as it was sent to Ofsted).")

    def last_lodged(self, name: str) -> EditionSource:
        """The edition in which a document (file name without .yaml) was last recorded as sent to Ofsted."""
        if self.root is None:
            raise CannotRun(f"{shown(self.project.data)} is not in a git repository, so fosterdocs cannot find the "
                            "edition last sent to Ofsted. " + self.two_folders())
        path = self.folder / f"{name}.yaml"
        where = _git_path(self.root, path)
        done = git(self.root, "log", "--format=%H", f"-G{LODGED_KEY}", "--", where)
        for commit in (done.stdout.decode("ascii").split() if done and done.returncode == 0 else []):
            shown_file = git(self.root, "show", f"{commit}:{where}")
            if shown_file and shown_file.returncode == 0 and _records_lodging(shown_file.stdout):
                day = _lodged_on(shown_file.stdout)
                return self.at(commit, f"commit {commit[:7]} (sent to Ofsted on {day})")
        return EditionSource("no edition sent to Ofsted", None, self.project.data / "reference",
                       f"The git history has no edition of {shown(path)} recorded as sent to Ofsted "
                       f"({LODGED_KEY}), so all of it is shown as new.")


def _document(content: bytes) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "version.yaml"
        path.write_bytes(content)
        loaded, _ = load(path, "version.yaml")
    data = loaded.data if loaded else None
    meta = data.get("document") if isinstance(data, dict) else None
    return meta if isinstance(meta, dict) else {}


def _records_lodging(content: bytes) -> bool:
    return bool(_document(content).get(LODGED_KEY))


def _lodged_on(content: bytes) -> str:
    return str(_document(content).get(LODGED_KEY))
