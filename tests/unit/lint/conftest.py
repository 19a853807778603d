"""Shared fixtures for the lint tests: one Linter with the bundled rule data only."""

from __future__ import annotations

import pytest

from desktop.core.lint import Linter, load_config


@pytest.fixture
def linter() -> Linter:
    return Linter(load_config(use_user_file=False))


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]
