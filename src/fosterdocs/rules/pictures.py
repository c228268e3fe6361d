"""Pictures: only raster pictures (PNG, JPEG or WebP) from the service's own folder are published (alt text and
missing files: readability.py).

passes: `picture: {file: pictures/home.png, alt: A foster family eating tea together}` with that PNG in the folder.
fails:  a link that leads out of the folder; an SVG, a web page or any file that is not really a PNG, JPEG or WebP
        picture, whatever its name (a name that is not a plain path to one is a schema finding, `pictures/file-name`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..pictures import problem
from .base import Problem, rule
from .readability import _pictures


def _files_with(document, kind: str) -> Iterator[tuple[tuple, str, Path]]:
    """The pictures whose file has the problem kind (see pictures.problem): (path, name, service folder)."""
    folder = Path(document.loaded.file).parent
    for path, picture in _pictures(document):
        if problem(folder, picture.get("file")) == kind:
            yield path + ("file",), picture["file"], folder


@rule("pictures/outside-service")
def picture_outside_service(document):
    """A picture whose path leads, through a link, out of the service's folder: it is never read."""
    for path, name, folder in _files_with(document, "outside"):
        yield Problem(path, f"{name} leads outside {folder} (through a link), so it is not published.",
                      f"Copy the picture itself into {folder}, and name that copy.")


@rule("pictures/not-a-picture")
def picture_not_raster(document):
    """A file named as a picture that is not a PNG, JPEG or WebP picture (an SVG or a page renamed, or damaged)."""
    for path, name, _ in _files_with(document, "not-a-picture"):
        yield Problem(path, f"{name} is not a PNG, JPEG or WebP picture, so it is not published.",
                      "Save the picture as PNG or JPEG (any drawing program can) and name that file.")


RULES = [picture_outside_service, picture_not_raster]
