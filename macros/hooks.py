"""mkdocs hooks entry point: fosterdocs.site fills each page's table of contents and trims its menu."""

from fosterdocs.site import on_page_content, on_page_context  # noqa: F401
