"""Where fosterdocs may read and write: a service's files only from inside the data folder, output only inside
the folder chosen for it, and never over the project itself."""

from __future__ import annotations

from pathlib import Path

from .project import CannotRun, shown


def inside(path: Path, folder: Path) -> bool:
    """Whether path, with every link followed, is folder or somewhere inside it."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a name too long, a null byte
        return False


def check_output_folder(out: Path, data: Path, what: str) -> None:
    """Refuse an output folder that is or holds the project (the data folder's parent), or sits in its data.

    A folder beside the data in the project (site/, pdf/) is fine: the site is rebuilt there."""
    target, data, root = out.resolve(), data.resolve(), data.resolve().parent
    if root.is_relative_to(target):
        raise CannotRun(f"{shown(out)} is the project folder or holds it: writing the {what} there would replace "
                        "your data. Choose a folder for it inside or beside the project, such as site/.")
    if target.is_relative_to(data):
        raise CannotRun(f"{shown(out)} is inside the data folder {shown(data)}: choose a folder outside it for the "
                        f"{what}, such as {root.name}/site.")
