"""mkdocs-macros entry point: the page macros are defined in fosterdocs.site."""

from fosterdocs.site import define_env  # noqa: F401
