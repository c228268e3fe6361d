"""mkdocs hooks entry point: fosterdocs.site fills each page's table of contents and trims its menu, and keeps the
theme's compiled templates from one build to the next."""

from fosterdocs.site import on_env, on_nav, on_page_content, on_page_context  # noqa: F401
