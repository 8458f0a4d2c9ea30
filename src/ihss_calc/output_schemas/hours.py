"""``ihss hours --json``, ``ihss timesheets check --json`` and ``ihss timesheets plan --json``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ihss_calc.output_schemas.common import (
    Closed,
    Figure,
    Hours,
    RatesRef,
)


class WeeklyCategory(Closed):
    hours: Hours
    label: str
    counts_for_severely_impaired: bool


class HoursOut(Closed):
    """``ihss hours --json``: monthly hours from weekly ones, the cap, a provider's maximum."""

    schema_version: Literal[1]
    weekly: dict[str, WeeklyCategory]
    severe_weekly_hours: Hours | None = Field(description="null when given as a monthly total")
    monthly_hours: Hours
    monthly_minutes: Hours
    monthly: str
    monthly_from_weekly: bool
    severely_impaired: bool
    monthly_cap: Hours
    over_cap_hours: Hours
    advance_pay: bool
    provider_weekly_max_hours: Hours
    provider_weekly_max_minutes: Hours
    provider_weekly_max: str
    hours_rounding: str
    figures: list[Figure]
    rates: RatesRef
    warnings: list[str]


class Finding(BaseModel):
    """One thing found; a finding carries its own figures (``hours``, ``authorized``,
    ``over_by``, ``minutes``, ``provider``, ...) beside these keys."""

    model_config = ConfigDict(extra="allow")

    kind: str
    severity: Literal["info", "warning", "violation", "error"] = Field(
        description="error: a row that cannot be read"
    )
    rows: list[int]
    message: str
    rule: str
    source: str


class Workweek(Closed):
    provider: str
    week_starts: str
    hours: Hours
    overtime_hours: Hours


class PayPeriod(Closed):
    """A timesheet: one provider's hours for one recipient in a pay period."""

    provider: str
    recipient: str
    period: str = Field(description="YYYY-MM 1st-15th or YYYY-MM 16th-end")
    hours: Hours
    overtime_hours: Hours = Field(
        description="of these hours, those past the provider's 40th in a workweek, in time order"
    )


class MonthUse(Closed):
    """A recipient's month: hours claimed, authorized and left."""

    recipient: str
    month: str = Field(description="YYYY-MM")
    claimed_hours: Hours
    authorized_hours: Hours | None = Field(description="null when not given")
    left_hours: Hours | None = Field(description="authorized − claimed; below 0: over by that")
    as_of: str | None = Field(description="with --as-of: claims counted through this day")
    days_left: int | None


class ToFixSheet(Closed):
    """A timesheet with findings, to fix before approving it."""

    provider: str
    recipient: str | None = Field(description="null for travel claimed on its own")
    period: str
    kinds: list[str]
    rows: list[int]
    message: str


class Timesheets(Closed):
    """``ihss timesheets check --json``: the verdict, every finding, the timesheets to fix,
    each recipient's hours used and left, each workweek and pay period."""

    schema_version: Literal[1]
    visits: int
    summary: str = Field(description="the verdict: how many things to look at, by kind")
    findings: list[Finding]
    to_fix: list[ToFixSheet]
    months: list[MonthUse]
    workweeks: list[Workweek]
    pay_periods: list[PayPeriod]
    rates: RatesRef
    warnings: list[str]


class PlanProvider(Closed):
    provider: str
    other_weekly_hours: Hours
    weekly_limit: Hours = Field(description="66, or 90 with an exemption")
    weekly_max_for_recipient: Hours = Field(description="authorized ÷ 4, to the planning unit")
    hours: Hours
    overtime_hours: Hours


class PlanWeek(Closed):
    week_starts: str = Field(description="the Sunday of the workweek")
    days_in_month: int
    hours: dict[str, Hours] = Field(description="by provider")
    overtime_hours: dict[str, Hours]
    total_hours: Hours


class PlanVisit(Closed):
    provider: str
    recipient: str
    date: str
    start: str
    end: str = Field(description="00:00 is midnight at the end of the day")
    hours: Hours


class PlanOut(Closed):
    """``ihss timesheets plan --json``: the month's hours split between providers."""

    schema_version: Literal[1]
    month: str
    recipient: str
    authorized_hours: Hours
    placed_hours: Hours
    unplaced_hours: Hours
    fits: bool = Field(description="every authorized hour placed")
    overtime: bool = Field(description="some hours could be placed only as overtime")
    providers: list[PlanProvider]
    weeks: list[PlanWeek]
    visits: list[PlanVisit]
    summary: list[str]
    figures: list[Figure]
    rates: RatesRef
    warnings: list[str]
