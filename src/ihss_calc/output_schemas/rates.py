"""``ihss rates --json`` and ``ihss rates --check --json``."""

from __future__ import annotations

from typing import Literal

from ihss_calc.output_schemas.common import (
    Closed,
    Figure,
    Status,
)


class FigureWithMode(Figure):
    mode: str


class FigureSince(Figure):
    since: str | None


Figures = dict[str, Figure]


class Exclusions(Closed):
    general: Figure
    earned: Figure
    earned_share: Figure


class WorkIncentives(Closed):
    wdp_income_limit: Figures
    threshold_1619b: Figures


class RatesDeeming(Closed):
    allocation: Figure
    student_exclusion: Figure | None = None
    student_exclusion_yearly: Figure | None = None


class RatesPrograms(Closed):
    ssi_resource_limit: Figures
    magi_limit: Figures
    magi_limit_before_april: Figures
    ad_fpl_limit: Figures
    ad_fpl_limit_before_april: Figures
    ad_fpl_spouse_allowance: Figure | None
    wdp_limit_before_april: Figures
    wdp_premium: FigureSince | None


class RatesMediCal(Closed):
    maintenance_need: Figures
    rounding: FigureWithMode
    asset_limit: Figures


class RatesOut(Closed):
    """``ihss rates --json``: every figure of a year's rates file, with status and sources."""

    schema_version: Literal[2]
    year: int
    file: str
    bundled: bool
    effective_from: str
    effective_to: str
    exclusions: Exclusions
    payment_levels: Figures
    rounding: FigureWithMode
    work_incentives: WorkIncentives
    deeming: RatesDeeming
    programs: RatesPrograms
    medi_cal: RatesMediCal
    ssdi: Figures
    hours: Figures
    warnings: list[str]


class RatesCheck(Closed):
    """``ihss rates --check FILE --json`` for a valid file."""

    file: str
    valid: Literal[True]
    year: int
    figures: int
    statuses: dict[Status, int]
