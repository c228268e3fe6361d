"""Findings as JUnit XML for CI dashboards: a test suite per folder and a test case per file checked.

A file with errors fails (one <failure> listing them all); its warnings are kept in <system-out>.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import PurePath

from ..findings import ERROR, Finding, Report
from .text import block

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def _text(findings: list[Finding]) -> str:
    text = "\n\n".join(block(f) for f in findings).replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)


def render(report: Report) -> str:
    findings: dict[str, list[Finding]] = defaultdict(list)
    for f in report.sorted():
        findings[f.file].append(f)
    folders: dict[str, list[str]] = defaultdict(list)
    for file in sorted(set(report.files) | set(findings)):
        folders[PurePath(file).parent.name or "."].append(file)
    failing = {file for file, found in findings.items() if any(f.severity == ERROR for f in found)}
    import xml.etree.ElementTree as ET  # (here: the other formats, which validate uses most, start without it)

    root = ET.Element("testsuites", name="fosterdocs validate", tests=str(sum(map(len, folders.values()))),
                      failures=str(len(failing)), errors="0")
    for folder, files in sorted(folders.items()):
        suite = ET.SubElement(root, "testsuite", name=_NOT_XML.sub("", folder), tests=str(len(files)),
                              failures=str(len(failing.intersection(files))), errors="0", skipped="0")
        for file in files:
            case = ET.SubElement(suite, "testcase", name=_NOT_XML.sub("", file), classname=f"fosterdocs.{folder}")
            errors = [f for f in findings[file] if f.severity == ERROR]
            others = [f for f in findings[file] if f.severity != ERROR]
            if errors:
                failure = ET.SubElement(case, "failure", type="fosterdocs",
                                        message=f"{len(errors)} error{'s' * (len(errors) != 1)}")
                failure.text = _text(errors)
            if others:
                ET.SubElement(case, "system-out").text = _text(others)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
