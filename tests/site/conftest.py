"""Fixtures for the website tests: the site of every bundled service built once per session, served on
127.0.0.1 (the Chromium that opens its pages is the shared `browser` of tests/conftest.py)."""

from __future__ import annotations

import pytest
from website import DATA, TODAY, serve

from fosterdocs.publishing import Outcome, build


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Outcome:
    """`fosterdocs build` of every bundled service, PDFs included, judged on TODAY."""
    return build(DATA, tmp_path_factory.mktemp("build") / "site", TODAY)


@pytest.fixture(scope="session")
def served(built):
    yield from serve(built.site_dir)

