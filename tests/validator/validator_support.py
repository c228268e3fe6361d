"""Paths, and the bad YAML every reader must answer with a finding, shared by the validator's tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"

BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))

CASES = {  # name: (file text, the one finding's rule, its line or None)
    "malformed": ("document:\n  title: [Fostering statement\nintroduction: x\n", "yaml/syntax", 3),
    "tab": ("document:\n\ttitle: Fostering statement\n", "yaml/tab", 2),
    "duplicate-key": ("document:\n  title: A\n  title: B\n", "yaml/duplicate-key", 3),
    "not-a-mapping": ("- one\n- two\n", "yaml/not-mapping", 1),
    "a-single-value": ("Fostering statement\n", "yaml/not-mapping", 1),
    "list-as-key": ("document:\n  ? [a, b]\n  : c\n", "yaml/key", 2),
    "empty": ("", "yaml/empty", 1),
    "only-comments": ("# yaml-language-server: $schema=x\n# nothing yet\n", "yaml/empty", 1),
    "alias-bomb": (BILLION_LAUGHS, "yaml/alias", None),
    "deep-nesting": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", "yaml/too-deep", 1),
    "deep-block-nesting": ("".join(" " * i + f"k{i}:\n" for i in range(500)) + " " * 500 + "end\n",
                           "yaml/too-deep", 65),  # where the 65th level opens
    "unknown-tag": ("document: !python/object x\n", "yaml/tag", 1),
    "unknown-tag-on-quoted-text": ("document:\n  title: !secret 'x'\n", "yaml/tag", 2),
    "two-documents": ("a: 1\n---\nb: 2\n", "yaml/multiple-documents", 2),  # the second "---"
    "control-character": ("document:\n  title: Caf\u00e9 \x07statement\n", "yaml/character", 2),
}
