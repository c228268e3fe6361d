"""Service ids are the whole name; backups are kept where no command takes them for a service; builds stopped half
way leave nothing the next build does not clear."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hardening_support import TODAY, fosterdocs


@pytest.mark.parametrize("service_id", ["nl\n", "a\nb", "Upper", "_lead", "a b", "x" * 61, "example", "reference",
                                        "", "a/b", "..", "a\0b"])
def test_new_refuses_an_id_that_is_not_a_whole_service_id(data, service_id):
    before = sorted(os.listdir(data))
    code, out, err = fosterdocs("new", service_id, cwd=data.parent)
    assert code == 2 and "cannot be a service id" in err
    assert sorted(os.listdir(data)) == before


@pytest.mark.parametrize("service_id", ["imp\n", "Imp", "x" * 61])
def test_import_refuses_an_id_that_is_not_a_whole_service_id(data, tmp_path, service_id):
    statement = tmp_path / "statement.txt"
    statement.write_text("Statement of Purpose\n\nAims and objectives\n\nWe find homes.\n", encoding="utf-8")
    before = sorted(os.listdir(data))
    code, out, err = fosterdocs("import", str(statement), "--service", service_id, cwd=data.parent)
    assert code == 2 and "cannot be a service id" in err
    assert sorted(os.listdir(data)) == before


def test_a_folder_whose_name_only_starts_like_an_id_is_a_finding(data):
    (data / "example").rename(data / "ok\n")
    code, out, err = fosterdocs("validate", "data", "--format", "json", "--today", TODAY, cwd=data.parent)
    assert code == 1
    assert "file/service-id" in {f["rule"] for f in json.loads(out)["findings"]}


def test_new_with_force_twice_in_a_row_keeps_both_backups_out_of_the_services(data):
    project = data.parent
    assert fosterdocs("new", "north-shire", cwd=project)[0] == 0
    (data / "north-shire/notes.txt").write_text("first\n", encoding="utf-8")
    assert fosterdocs("new", "north-shire", "--force", cwd=project)[0] == 0
    (data / "north-shire/notes.txt").write_text("second\n", encoding="utf-8")
    code, out, err = fosterdocs("new", "north-shire", "--force", cwd=project)  # within the same second
    assert code == 0, err
    kept = sorted(p.read_text(encoding="utf-8") for p in (data / ".backups").glob("*/north-shire/notes.txt"))
    assert kept == ["first\n", "second\n"]
    assert "Kept the old folder as" in out
    code, out, err = fosterdocs("validate", "data", "--format", "json", "--today", TODAY, cwd=project)
    assert sorted(json.loads(out)["summary"]["services"]) == ["example", "north-shire"]
    code, out, err = fosterdocs("build", "--site-dir", "site", "--no-pdf", "--today", TODAY, cwd=project)
    assert code == 0, err
    assert sorted(p.name for p in (project / "site").iterdir() if (p / "index.html").is_file()
                  and p.name not in ("accessibility", "review-calendar", "rules")) == ["example", "north-shire"]


def test_a_build_killed_half_way_leaves_nothing_the_next_build_keeps(data):
    project = data.parent
    command = [sys.executable, "-m", "fosterdocs.cli", "build", "example", "--site-dir", "out/site", "--today", TODAY]
    for _ in range(2):
        build = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not [p for p in (project / "out").glob(".site.building-*")] and time.monotonic() < deadline:
            time.sleep(0.05)
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert len(list((project / "out").glob(".site.building-*"))) >= 1
    code, out, err = fosterdocs("build", "example", "--site-dir", "out/site", "--no-pdf", "--today", TODAY,
                                cwd=project)
    assert code == 0, err
    assert sorted(os.listdir(project / "out")) == ["site"]


def test_a_build_still_running_keeps_its_staging_folder(data):
    project = data.parent
    assert fosterdocs("build", "example", "--site-dir", "out/site", "--no-pdf", "--today", TODAY, cwd=project)[0] == 0
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom fosterdocs.publishing import "
                               "staging_folder\nfrom pathlib import Path\nwith staging_folder(Path('out/site')):\n"
                               "    print('ready', flush=True)\n    time.sleep(60)\n"], cwd=project,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "ready\n"
        running = list((project / "out").glob(".site.building-*"))
        assert len(running) == 1
        assert fosterdocs("build", "example", "--site-dir", "out/site", "--no-pdf", "--today", TODAY,
                          cwd=project)[0] == 0
        assert running[0].is_dir()
    finally:
        holder.kill()
        holder.wait()
