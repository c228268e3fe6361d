"""Fixtures for the guide and handbook tests: a private copy of the example service only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from guides_support import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of schema/ and of data/ with only the example service and the reference data, free to change."""
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    for name in ("example", "reference"):
        shutil.copytree(ROOT / "data" / name, tmp_path / "data" / name)
    return tmp_path
