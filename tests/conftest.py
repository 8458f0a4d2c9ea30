"""Fixtures shared by the tests; plain helpers are in tests/helpers.py."""

from __future__ import annotations

import pytest

from ihss_calc.rates import Rates, load_bundled


@pytest.fixture(scope="session")
def rates_2022() -> Rates:
    return load_bundled(2022)
