"""Write the draft as YAML an editor understands: the schema named on the first line, sections in the order the
document prints them, table rows one line each; an existing file is kept as a backup first."""

from __future__ import annotations

import io
import shutil
from datetime import datetime
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..atomic import replace_file

SCHEMA_LINE = "yaml-language-server: $schema=../../schema/statement-of-purpose.schema.json"


def _commented(value, in_rows: bool = False):
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _commented(item, key == "rows")
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_commented(item) for item in value)
        if in_rows:
            for row in sequence:
                row.fa.set_flow_style()
        return sequence
    return value


def backup_name(path: Path) -> Path:
    """Where to keep the old file: beside it, with the time, and not ending .yaml so it is not validated."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate, number = path.with_name(f"{path.name}.{stamp}.bak"), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.{stamp}-{number}.bak")
    return candidate


def write(data: dict, path: Path, note: str) -> Path | None:
    """Write the draft to path, keeping any file already there as a backup (returned)."""
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    document = _commented(data)
    document.yaml_set_start_comment(f"{SCHEMA_LINE}\n{note}")
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    if path.exists():
        backup = backup_name(path)
        shutil.copy2(path, backup)
    written = io.BytesIO()
    yaml.dump(document, written)
    replace_file(path, written.getvalue())
    return backup
