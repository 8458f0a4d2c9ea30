"""Authorized hours (docs/rules.md §6, §10): severely impaired or not, the monthly cap, advance pay,
and a provider's weekly maximum for one recipient. Pure; every figure from ``Rates.hours``."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from ihss_calc.i18n import N_
from ihss_calc.rates import Figure, Rates

# Service categories a county authorizes hours in. The first four are the ones that make a
# recipient severely impaired (MPP 30-753; meal clean-up only where feeding is needed).
CATEGORIES = {
    "personal-care": (N_("personal care services"), True),
    "meal-preparation": (N_("meal preparation"), True),
    "meal-cleanup": (N_("meal clean-up (when feeding is needed)"), True),
    "paramedical": (N_("paramedical services"), True),
    "domestic": (N_("domestic services"), False),
    "laundry": (N_("laundry"), False),
    "shopping": (N_("shopping and errands"), False),
    "accompaniment": (N_("accompaniment to medical appointments"), False),
    "protective-supervision": (N_("protective supervision"), False),
    "other": (N_("other services"), False),
}
# Weekly hours to monthly: × 52 weeks ÷ 12 months (calendar facts). How the county's system
# rounds monthly hours was not found; ihss keeps them exact and shows them to the minute.
WEEKS_PER_YEAR, MONTHS_PER_YEAR = Decimal(52), Decimal(12)


def hours_and_minutes(hours: Decimal) -> str:
    """``31.25`` -> ``31 h 15 min``; to the nearest minute, half a minute up."""
    minutes = int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{minutes // 60} h {minutes % 60:02d} min"


class Authorization(NamedTuple):
    weekly: dict[str, Decimal]  # by category; empty when a monthly total was given
    severe_weekly: Decimal | None  # the weekly hours of the categories that count
    monthly: Decimal  # authorized hours a month, exact
    monthly_from_weekly: bool
    severely_impaired: bool
    threshold: Figure  # 20 hours a week
    cap: Figure  # 283 or 195
    over_cap: Decimal  # hours a month over the cap, 0 when not over
    advance_pay: bool
    divisor: Figure
    provider_weekly_max: Decimal  # monthly ÷ 4


def authorization(
    rates: Rates,
    weekly: dict[str, Decimal] | None = None,
    monthly: Decimal | None = None,
    severely_impaired: bool | None = None,
) -> Authorization:
    """From weekly hours by category (docs/rules.md §6: severely impaired with 20 or more a week of
    the four categories), or from a monthly total and whether the recipient is severely
    impaired; exactly one of the two."""
    h = rates.hours
    threshold = h["severely_impaired_weekly"]
    if weekly is not None:
        severe = sum((v for k, v in weekly.items() if CATEGORIES[k][1]), Decimal(0))
        total = sum(weekly.values(), Decimal(0)) * WEEKS_PER_YEAR / MONTHS_PER_YEAR
        impaired = severe >= threshold.value
    else:
        if monthly is None or severely_impaired is None:
            raise ValueError("a monthly total needs whether the recipient is severely impaired")
        severe, total, impaired = None, monthly, severely_impaired
    cap = h["monthly_cap_severely_impaired"] if impaired else h["monthly_cap"]
    divisor = h["recipient_weekly_divisor"]
    return Authorization(
        weekly=dict(weekly or {}),
        severe_weekly=severe,
        monthly=total,
        monthly_from_weekly=weekly is not None,
        severely_impaired=impaired,
        threshold=threshold,
        cap=cap,
        over_cap=total - cap.value if total > cap.value else Decimal(0),
        advance_pay=impaired,
        divisor=divisor,
        provider_weekly_max=total / divisor.value,
    )
