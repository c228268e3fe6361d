"""fosterdocs.yml, a project's settings: the website's name and address, the services to publish, branding (logo
and colours, held to WCAG 2.2 AA contrast), page template overrides and the address for lodging with Ofsted."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema_rs

from .loading import load

CONFIG_FILE = "fosterdocs.yml"
SCHEMA = "config.schema.json"
WHITE, BLACK = "#ffffff", "#000000"
AA_TEXT = 4.5  # WCAG 2.2 success criterion 1.4.3: contrast (minimum) for normal text


@dataclass(frozen=True)
class Config:
    """A project's settings; every one is optional."""

    file: Path | None = None
    site_name: str = ""
    site_url: str = ""
    publish: tuple[str, ...] = ()
    logo: Path | None = None
    colours: dict[str, str] = field(default_factory=dict)
    custom_dir: Path | None = None
    stylesheets: tuple[str, ...] = ()
    ofsted: dict = field(default_factory=dict)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker_until(colour: str, *against: str) -> str:
    """The same hue darkened in small steps until it has AA contrast with every colour in against."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        shade = "#" + "".join(f"{round(c * (1 - step / 100)):02x}" for c in channels)
        if all(contrast(shade, other) >= AA_TEXT for other in against):
            return shade
    return BLACK


def _colour_problems(colours: dict[str, str], where) -> list[str]:
    """The primary colour carries text on it (the header) and is the links' colour on the white page."""
    primary = colours.get("primary")
    if not primary:
        return []
    on_primary = colours.get("on_primary", WHITE)
    problems = []
    for other, what in ((on_primary, "the header's text"), (WHITE, "the white page, where links take it")):
        ratio = contrast(primary, other)
        if ratio < AA_TEXT:
            problems.append(f"{where(('branding', 'colours', 'primary'))}: the colour {primary} against {what} "
                            f"({other}) has a contrast of {ratio:.1f} to 1; WCAG 2.2 AA (success criterion "
                            f"1.4.3) needs {AA_TEXT} to 1. Use a darker shade, such as "
                            f"{darker_until(primary, on_primary, WHITE)}.")
    return problems


def _inside(root: Path, relative: str, what: str, where, path: tuple, folder: bool) -> tuple[Path | None, list[str]]:
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        return None, [f"{where(path)}: {what} '{relative}' is outside the project: keep it inside {root}."]
    if not (target.is_dir() if folder else target.is_file()):
        return None, [f"{where(path)}: there is no {what} at '{relative}' (from the top of the project)."]
    return target, []


def load_config(root: Path, schema_file: Path) -> tuple[Config, list[str]]:
    """The settings in root/fosterdocs.yml (defaults when there is none), and what is wrong with them."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config(), []
    loaded, problems = load(path, str(path))
    if loaded is None and [f.rule for f in problems] == ["yaml/empty"]:
        return Config(path), []  # every setting is optional: comments alone still mark the project
    if loaded is None:
        return Config(path), [f"{f.file}:{f.line}:{f.column}: {f.message} {f.fix}" for f in problems]

    def where(at: tuple) -> str:
        line, column = loaded.where(at)
        return f"{path}:{line}:{column}"

    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    errors = sorted(jsonschema_rs.Draft202012Validator(schema, validate_formats=True).iter_errors(loaded.data),
                    key=lambda e: [str(step) for step in e.instance_path])
    if errors:
        return Config(path), [f"{where(tuple(e.instance_path))}: `{'.'.join(map(str, e.instance_path)) or CONFIG_FILE}`"
                              f" {e.message}. See {SCHEMA} for what each setting takes." for e in errors]
    data = loaded.data
    branding = data.get("branding", {})
    colours = branding.get("colours", {})
    problems = _colour_problems(colours, where)
    logo = custom_dir = None
    if "logo" in branding:
        logo, found = _inside(root, branding["logo"], "logo file", where, ("branding", "logo"), folder=False)
        problems += found
    if "custom_dir" in data:
        custom_dir, found = _inside(root, data["custom_dir"], "custom_dir folder", where, ("custom_dir",), True)
        problems += found
    for index, sheet in enumerate(data.get("stylesheets", [])):
        if custom_dir is None:
            problems.append(f"{where(('stylesheets', index))}: stylesheets are read from custom_dir: set it too.")
            break
        problems += _inside(custom_dir, sheet, "stylesheet", where, ("stylesheets", index), folder=False)[1]
    site = data.get("site", {})
    return Config(path, site.get("name", ""), site.get("url", ""), tuple(data.get("publish", [])), logo, colours,
                  custom_dir, tuple(data.get("stylesheets", [])), data.get("ofsted", {})), problems
