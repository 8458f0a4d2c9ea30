"""Fixtures shared by the tests; plain helpers are in tests/helpers.py."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from ihss_calc.rates import Rates, load_bundled


def pytest_configure(config: pytest.Config) -> None:
    """The parsed rates ihss keeps (ihss_calc.rates_cache) go to a folder of the run's own, set
    before any test module loads rates, so that no test reads or writes the user's cache."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="ihss-tests-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("XDG_CACHE_HOME", ""), ignore_errors=True)


# The command line picks its default rates year from today's date. Tests pin "today" so that
# they give the same answers in any year; 2022 is the year of the worked examples.
PINNED_TODAY = dt.date(2022, 6, 1)


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts in English whatever this machine's locale is, and a test that chose
    Spanish leaves nothing chosen behind (the language is process state, as in a real run)."""
    from ihss_calc import i18n

    for name in i18n.ENVIRONMENT:
        monkeypatch.setenv(name, "C")  # recorded, so that teardown removes what a test set
        monkeypatch.delenv(name)
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    monkeypatch.setattr("ihss_calc.cli.today", lambda: PINNED_TODAY)
    return PINNED_TODAY


@pytest.fixture(scope="session")
def rates_2022() -> Rates:
    return load_bundled(2022)
