"""Shared fixtures: the bundled example specs and a CLI runner."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def pytest_configure(config: pytest.Config) -> None:
    """Parsed rule packs are cached in a folder of this test run, not in the user's cache."""
    folder = tempfile.mkdtemp(prefix="slaforge-test-cache-")
    os.environ["SLAFORGE_CACHE_DIR"] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def canonical_spec() -> Path:
    return ROOT / "examples" / "customer-based.yaml"
