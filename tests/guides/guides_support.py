"""Paths and helpers shared by the children's guide and carer handbook tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-23"
GUIDES = ("childrens-guide-under-8", "childrens-guide-8-to-12", "childrens-guide-13-plus")
DOCUMENTS = ("statement-of-purpose", *GUIDES, "carer-handbook")


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must be in the file exactly once."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
