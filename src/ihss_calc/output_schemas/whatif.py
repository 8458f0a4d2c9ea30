"""``ihss whatif --json``."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ihss_calc.output_schemas.common import (
    Closed,
    Figure,
    Hours,
    Inputs,
    Kind,
    Money,
    ProgramCode,
    RatesRef,
)


class EarnedSwept(Closed):
    from_: Money = Field(alias="from")
    to: Money
    step: Money | None
    points: int
    given_as: str | None
    levels: list[Money] | None


class WhatifInputs(Inputs):
    earned: EarnedSwept  # type: ignore[assignment]
    ssdi: Money | None
    twp_done: bool
    gets_ssi: bool


class WhatifWdp(Closed):
    monthly_limit: Money
    max_earned_under_limit: Money | None
    limit: Figure


class PointPlacement(Closed):
    program: ProgramCode
    share_of_cost: Money | None


class Point(Closed):
    earned: Money
    hours: Hours | None = Field(default=None, description="only when swept by hours a week")
    countable_unearned_income: Money
    countable_earned_income: Money
    total_countable_income: Money
    payment_level: Money
    above_payment_level: Money
    computed_share_of_cost: Money
    share_of_cost: Money
    wdp_countable_income: Money | None
    wdp_likely_eligible: bool | None
    share_of_cost_with_wdp: Money | None
    unearned: Money
    ssdi: Money | None
    ssi_ssp_payment: Money | None
    kept: Money
    placement: PointPlacement


class Cliff(Closed):
    earned: Money
    kind: str
    before: Money | None
    after: Money | None
    next_earned: Money
    kept_before: Money
    kept_after: Money
    program_before: ProgramCode
    program_after: ProgramCode
    sentence: str


class Whatif(Closed):
    """``ihss whatif --json``: each level of earnings, the cliffs, what you keep."""

    schema_version: Literal[2]
    inputs: WhatifInputs
    household: Kind
    payment_level: Money
    max_earned_without_soc: Money | None
    wdp: WhatifWdp | None
    ssdi_figures: dict[str, Figure] | None
    points: list[Point]
    cliffs: list[Cliff]
    compared: list[str] = Field(description="for levels given as a list: the first against each")
    notes: list[str]
    rates: RatesRef
    warnings: list[str]
