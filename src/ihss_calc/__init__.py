"""ihss: the IHSS share of cost, step by step, with the rule and source of each step.

The Python API (``ihss_calc.api``), importable from here::

    import ihss_calc
    ihss_calc.share_of_cost(unearned="1000", earned="500", year=2022).share_of_cost

Its names are loaded on first use, so that the command line starts no slower for them.
"""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Household",
    "Programs",
    "Rates",
    "Result",
    "TimesheetCheck",
    "__version__",
    "check_timesheets",
    "household",
    "load_rates",
    "screen_programs",
    "share_of_cost",
    "what_if",
]

if TYPE_CHECKING:
    from ihss_calc.api import (
        Household,
        Programs,
        Rates,
        Result,
        TimesheetCheck,
        check_timesheets,
        household,
        load_rates,
        screen_programs,
        share_of_cost,
        what_if,
    )


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ihss_calc import api

        return getattr(api, name)
    raise AttributeError(f"module 'ihss_calc' has no attribute {name!r}")
