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
    "deep-mapping-nesting": ("a: " + "{b: " * 100_000 + "c" + "}" * 100_000 + "\n", "yaml/too-deep", 1),
    "deep-compact-nesting": ("a:\n" + "- " * 100_000 + "x\n", "yaml/too-deep", 2),
    "deep-block-nesting": ("".join(" " * i + f"k{i}:\n" for i in range(500)) + " " * 500 + "end\n",
                           "yaml/too-deep", 65),  # where the 65th level opens
    "unknown-tag": ("document: !python/object x\n", "yaml/tag", 1),
    "python-tag": ("document:\n  title: !!python/object/apply:os.system ['echo hi']\n", "yaml/tag", 2),
    "python-new-tag": ("document: !!python/object/new:str x\n", "yaml/tag", 1),
    "binary-tag": ("document:\n  logo: !!binary aGVsbG8=\n", "yaml/tag", 2),
    "set-tag": ("document: !!set {a, b}\n", "yaml/tag", 1),
    "bool-tag": ("document:\n  draft: !!bool yes\n", "yaml/tag", 2),
    "tag-on-a-key": ("document:\n  !!python/name:os.system key: x\n", "yaml/tag", 2),
    "tag-directive": ("%TAG !e! tag:example.com,2000:\n---\ndocument: x\n", "yaml/tag", 1),
    "unclosed-quote": ("document:\n  title: 'Fostering statement\nintroduction: x\n", "yaml/syntax", 4),
    "nul-byte": ("document:\n  title: a\x00b\n", "yaml/character", 2),
    "unknown-tag-on-quoted-text": ("document:\n  title: !secret 'x'\n", "yaml/tag", 2),
    "two-documents": ("a: 1\n---\nb: 2\n", "yaml/multiple-documents", 2),  # the second "---"
    "two-documents-after-a-mapping": ("a: 1\n...\n---\n- b\n", "yaml/multiple-documents", 3),
    "control-character": ("document:\n  title: Caf\u00e9 \x07statement\n", "yaml/character", 2),
}

BYTE_CASES = {  # name: (file bytes, the one finding's rule, its line)
    "latin-1": (b"document:\n  title: Caf\xe9 statement\n", "yaml/encoding", 2),
    "utf-16": ("document:\n  title: Fostering statement\n".encode("utf-16"), "yaml/encoding", 1),
    "binary": (bytes(range(256)) * 4, "yaml/encoding", 2),  # byte 0x80, after the 0x0a
    "png-renamed": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "yaml/encoding", 1),
    "thirty-megabyte-value": (b"a: " + b"x" * 30_000_000 + b"\n", "file/too-large", 1),
}


