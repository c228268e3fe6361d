"""Benchmark: the editor's live preview and checking, from a change in the form to the updated page and findings.

Goal: 300 ms from a change to the updated preview on this machine. It opens the example statement of purpose (the
longest bundled document) in the editor, as the browser would, then times for one changed answer what the page's
script asks for as you type:
  - the check (POST /live: validation with `fosterdocs validate`'s code, the error summary, the fields whose
    findings change, and the preview made), then
  - the preview frame's fetch of it (GET /preview?version=...);
and, for comparison, the whole page made again (POST /edit, action=check: what the page does without its script).

    python benchmarks/editor_preview.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from fosterdocs.editor.app import Editor, create_app, form_answers
from fosterdocs.editor.security import COOKIE, Session

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--service", default="example")
    parser.add_argument("--file", default="statement-of-purpose")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name in ("data", "schema"):
            shutil.copytree(ROOT / name, Path(folder) / name)
        data = Path(folder) / "data"
        session = Session(8100)
        client = create_app(data, session, date(2026, 11, 23)).test_client()
        client.set_cookie(COOKIE, session.cookie, domain="127.0.0.1")
        page = Editor(data, date(2026, 11, 23)).open(args.service, args.file)
        answers = {**form_answers(page.form), "working": page.text, "base": page.base, "csrf": session.csrf}
        name = next(f.name for f in page.form.walk() if f.kind == "textarea")
        timings: dict[str, list[float]] = {"check": [], "preview": [], "change to preview": [], "whole page": []}
        headers = {"Host": "127.0.0.1:8100"}
        for attempt in range(args.repeat + 1):
            changed = answers[name] = f"Changed for attempt {attempt}."
            started = time.perf_counter()
            response = client.post(f"/live/{args.service}/{args.file}", data={**answers, "action": "check"},
                                   headers=headers)
            checked = time.perf_counter()
            framed = client.get(response.json["preview"], headers=headers)
            shown = time.perf_counter()
            assert response.status_code == 200 and framed.status_code == 200 and changed.encode() in framed.data
            whole = client.post(f"/edit/{args.service}/{args.file}", data={**answers, "action": "check"},
                                headers=headers)
            assert whole.status_code == 200 and changed.encode() in whole.data
            if attempt:  # the first is the warm-up (imports, caches)
                for kind, seconds in (("check", checked - started), ("preview", shown - checked),
                                      ("change to preview", shown - started),
                                      ("whole page", time.perf_counter() - shown)):
                    timings[kind].append(seconds * 1000)
        for kind, values in timings.items():
            print(f"{kind:17} median {statistics.median(values):6.0f} ms   best {min(values):6.0f} ms")
        print(f"(goal {GOAL_MS} ms from a change to the preview; {args.service}/{args.file}, {args.repeat} changes)")

if __name__ == "__main__":
    main()
