"""Fixtures for export tests: the sample drafts and a fixed font catalogue so output does not depend on
the fonts of the machine running the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.core.export.fonts import FontCatalog

DATA = Path(__file__).resolve().parent / "data"
FIXED_TIME = dt.datetime(2026, 8, 1, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def speech_text() -> str:
    return (DATA / "speech.txt").read_text(encoding="utf-8")


@pytest.fixture
def no_fonts() -> FontCatalog:
    return FontCatalog(source="test")


@pytest.fixture
def office_fonts() -> FontCatalog:
    """The fonts of a typical Chinese Windows office PC (no 仿宋_GB2312, no 方正小标宋)."""
    catalog = FontCatalog(source="test")
    catalog.add(["仿宋", "FangSong", "楷体", "KaiTi", "黑体", "SimHei", "宋体", "SimSun", "华文中宋",
                 "Times New Roman"])
    return catalog
