"""Fixtures for the website tests: the site of every bundled service built once per session, served on
127.0.0.1, and a real Chromium (through Playwright) to open its pages."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright
from website import CHROMIUM, DATA, TODAY, serve

from fosterdocs.publishing import Outcome, build


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Outcome:
    """`fosterdocs build` of every bundled service, PDFs included, judged on TODAY."""
    return build(DATA, tmp_path_factory.mktemp("build") / "site", TODAY)


@pytest.fixture(scope="session")
def served(built):
    yield from serve(built.site_dir)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()
