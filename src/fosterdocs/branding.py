"""The website's settings a project adds to fosterdocs' mkdocs.yml: its name and address, and a theme folder made of
fosterdocs' overrides with the project's custom_dir over them, its logo and its colours."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .config import WHITE
from .project import Project
from .resources import SITE_CONFIG

STYLESHEET = "assets/stylesheets/branding.css"


def site_settings(project: Project, theme_dir: Path) -> tuple[Path, dict]:
    """The mkdocs.yml to build with, and what replaces its settings; writes the theme folder at theme_dir."""
    config_file = project.resource(SITE_CONFIG)
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    theme = dict(raw["theme"])
    shutil.copytree(config_file.parent / theme["custom_dir"], theme_dir)
    settings = project.config
    if settings.custom_dir:
        shutil.copytree(settings.custom_dir, theme_dir, dirs_exist_ok=True)  # the service's templates win
    extra_css = list(raw.get("extra_css", []))
    if settings.colours.get("primary"):
        (theme_dir / STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
        (theme_dir / STYLESHEET).write_text(colour_css(settings.colours), encoding="utf-8")
        extra_css.append(STYLESHEET)
    if settings.logo:
        logo = theme_dir / "assets" / "branding" / settings.logo.name
        logo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings.logo, logo)
        theme["logo"] = logo.relative_to(theme_dir).as_posix()
    theme["custom_dir"] = str(theme_dir)
    overrides = {"theme": theme, "extra_css": extra_css + list(settings.stylesheets)}
    if settings.site_name:
        overrides["site_name"] = settings.site_name
    if settings.site_url:
        overrides["site_url"] = settings.site_url
    return config_file, overrides


def colour_css(colours: dict[str, str]) -> str:
    """Material's colour variables set to the service's colours (already checked for contrast by config.py)."""
    primary, text = colours["primary"], colours.get("on_primary", WHITE)
    return (f"/* The service's colours, from fosterdocs.yml. */\n:root > * {{\n"
            f"  --md-primary-fg-color: {primary};\n  --md-primary-fg-color--light: {primary};\n"
            f"  --md-primary-fg-color--dark: {primary};\n  --md-primary-bg-color: {text};\n"
            f"  --md-primary-bg-color--light: {text};\n  --md-typeset-a-color: {primary};\n}}\n")
