"""Fixtures for the hardening tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hardening_support import make_project


@pytest.fixture
def data(tmp_path) -> Path:
    """A private project holding the example service; its data folder."""
    return make_project(tmp_path / "project")
