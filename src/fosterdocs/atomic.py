"""Replacing a file in one step: whoever reads it sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


class ChangedMeanwhile(Exception):
    """The file no longer holds what it held when it was read: someone else changed it; nothing was written."""


def replace_file(path: Path, content: bytes | Callable[[BinaryIO], object], expected: bytes | None = None,
                 mode: int | None = None) -> None:
    """Write content (bytes, or a function writing to a binary file) to a temporary file beside path, flush it to
    disk, and rename it over path. The file keeps its permissions (a new one gets mode, else 0o644). With expected,
    path must still hold exactly those bytes just before the rename, else ChangedMeanwhile."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(content, bytes):
                out.write(content)
            else:
                content(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else mode or 0o644)
        if expected is not None and (path.read_bytes() if path.exists() else b"") != expected:
            raise ChangedMeanwhile(str(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
