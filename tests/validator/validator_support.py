"""Paths shared by the validator's tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"

