"""atomic.replace_file, which every command that rewrites a file uses: all or nothing, never over a change."""

from __future__ import annotations

import pytest

from fosterdocs.atomic import ChangedMeanwhile, replace_file


def test_the_file_is_replaced_whole_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "service.yaml"
    path.write_bytes(b"name: Old\n")
    path.chmod(0o600)
    replace_file(path, b"name: New\n", expected=b"name: Old\n")
    assert path.read_bytes() == b"name: New\n" and path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["service.yaml"]  # no temporary file left


def test_a_file_changed_since_it_was_read_is_left_as_it_is(tmp_path):
    path = tmp_path / "service.yaml"
    path.write_bytes(b"name: Changed by someone else\n")
    with pytest.raises(ChangedMeanwhile):
        replace_file(path, b"name: Mine\n", expected=b"name: Old\n")
    assert path.read_bytes() == b"name: Changed by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["service.yaml"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")

    def fails(out):
        out.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        replace_file(path, fails)
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
