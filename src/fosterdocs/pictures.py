"""Which pictures may be published: raster files (PNG, JPEG, WebP), named by a plain relative path, that really are
inside the service's folder once every link is followed. Anything else is never copied or shown."""

from __future__ import annotations

import re
from pathlib import Path

from .confinement import inside

FILE_NAME = re.compile(r"^(?!/)(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_./-]*\.(png|jpg|jpeg|webp)$")  # as in the schema
RASTER_FORMATS = {"PNG", "JPEG", "WEBP"}  # what Pillow finds in the file itself, whatever its name says
MAX_NAME = 255


def problem(folder: Path, name) -> str | None:
    """Why the picture called name cannot be published from folder ('' when the name itself is wrong: the schema
    says so), or None when it can."""
    if not isinstance(name, str) or len(name) > MAX_NAME or not FILE_NAME.fullmatch(name):
        return ""
    source = folder / name
    if not inside(source, folder):
        return "outside"
    from PIL import Image, UnidentifiedImageError  # Pillow: only when a document has a picture (validate starts fast)

    try:
        if not source.is_file():
            return "missing"
        with Image.open(source) as image:
            return None if image.format in RASTER_FORMATS else "not-a-picture"
    except (OSError, UnidentifiedImageError, ValueError):
        return "not-a-picture"


def publishable_only(services) -> list[tuple[Path, Path]]:
    """Keep in the render data only the pictures that can be published (others keep their alt text, which the
    pages show instead); returns each picture's (source, path beside its document's page)."""
    from .documents import content_blocks

    copies = []
    for service in services:
        for document_name, document in service.documents.items():
            for section in document.sections:
                for _, block in content_blocks({section.key: section.data}):
                    picture = block.get("picture") if isinstance(block, dict) else None
                    if not isinstance(picture, dict):
                        continue
                    name, alt = picture.get("file"), picture.get("alt")
                    block["picture"] = {"alt": alt if isinstance(alt, str) else ""}
                    if service.folder and problem(service.folder, name) is None:
                        block["picture"]["file"] = name
                        copies.append((service.folder / name, Path(service.id, document_name, name)))
    return copies
