"""Where the CI tests find the project, and the date they judge it by."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
SOP = "data/example/statement-of-purpose.yaml"
SERVICE = "data/example/service.yaml"
