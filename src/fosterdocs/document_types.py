"""The kinds of document a service holds, and which file holds which."""

from __future__ import annotations

from pathlib import Path

DOCUMENT_KINDS = ("statement-of-purpose", "childrens-guide", "carer-handbook")
GUIDE_BANDS = ("under-8", "8-to-12", "13-plus")  # the children's guide: one version, in its own file, per age band
DOCUMENTS = {"statement-of-purpose": "statement-of-purpose",
             **{f"childrens-guide-{band}": "childrens-guide" for band in GUIDE_BANDS},
             "carer-handbook": "carer-handbook"}  # file name (without .yaml) -> kind of document


def kind_of(path: Path) -> str | None:
    """The kind of document a file holds, from its name (None for a file fosterdocs does not know)."""
    return "service" if path.stem == "service" else DOCUMENTS.get(path.stem)
