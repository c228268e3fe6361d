"""Where fosterdocs' own files are: schemas, reference data, the example service and the website's theme.

An installed fosterdocs carries them in its package (`fosterdocs/bundled/`, laid out as at the top of this
repository: the wheel maps them there). A checkout or an editable install has no such folder and reads them from
the top of the repository, so that what the tests check is what the wheel carries.
"""

from __future__ import annotations

from pathlib import Path

from . import __version__

_PACKAGE = Path(__file__).resolve().parent
BUNDLE = _PACKAGE / "bundled"
HOME = BUNDLE if BUNDLE.is_dir() else _PACKAGE.parents[1]  # in a checkout, the repository is the tool's home

SCHEMAS = "schema"
REFERENCE = "data/reference"
EXAMPLE = "data/example"
SITE_CONFIG = "mkdocs.yml"


def bundled(relative: str) -> Path:
    """A bundled resource, by its path from the top of the repository (for example 'data/reference')."""
    return HOME / relative


UPSTREAM = "fosterdocs/fosterdocs"  # fosterdocs' home on GitHub: its action, pre-commit hook and schemas
UPSTREAM_URL = f"https://github.com/{UPSTREAM}"


def schema_url(name: str) -> str:
    """Where editors find a schema of this release, for a project that does not carry its own schemas."""
    return f"https://raw.githubusercontent.com/{UPSTREAM}/v{__version__}/{SCHEMAS}/{name}"
