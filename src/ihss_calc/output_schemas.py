"""What every ``--json`` output (and a batch row) holds, described once, as pydantic models;
``ihss schema COMMAND`` prints the JSON Schema generated from them, and the wheel ships the same
schemas as files (``ihss_calc/schemas/``, also ``docs/schemas/``).

The tests validate the real outputs of every command against these schemas, so neither can
change without the other. Money is a JSON number whose text is the exact amount. Objects admit
no keys but those described, except a batch row, which carries the input's passthrough columns.

``schema_version`` (in every output) goes up when a field is removed or renamed, changes type
or changes meaning; a new field does not bump it. Imported only by ``ihss schema`` and the tests.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, WithJsonSchema

Money = Annotated[
    Decimal,
    WithJsonSchema({"type": "number", "description": "an exact amount: the number's own text"}),
]
Hours = Annotated[Decimal, WithJsonSchema({"type": "number"})]
Kind = Literal["individual", "couple", "blind_individual", "couple_one_blind", "couple_both_blind"]
Status = Literal["verified", "cross-checked", "derived"]
ProgramCode = Literal[
    "ssi", "magi", "1619b", "wdp", "ad-fpl", "pickle", "medically-needy", "none", "dac", "dw"
]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Closed):
    title: str
    url: str


class Figure(Closed):
    """A figure of a rates file, with its status and sources."""

    key: str
    label: str
    value: Money
    unit: str
    status: Status
    sources: list[Source]
    note: str | None = Field(default=None, description="present only when the file has one")
    parts: list[Figure] | None = Field(default=None, description="present only for a sum")


class RatesRef(Closed):
    year: int
    file: str = Field(description="'bundled rates_YYYY.toml' or the path given with --rates")
    bundled: bool


class MediCal(Closed):
    code: str
    label: str
    no_share_of_cost: bool
    source: str


class Inputs(Closed):
    """The inputs as understood."""

    unearned: Money
    earned: Money
    irwe: Money
    bwe: Money
    couple: bool
    blind: bool
    spouse_blind: bool
    medi_cal: str | None
    disability_income: Money
    spouse_earned: Money | None
    spouse_unearned: Money | None
    spouse_ihss_wages: Money
    children: int
    child_incomes: list[Money]
    child_student_earnings: list[Money]
    health_premiums: Money
    show_medi_cal_soc: bool
    assets: Money | None
    age: int | None
    medicare: bool
    ssi_ended: str | None
    pickle_disregard: Money | None
    month: int = Field(ge=1, le=12)
    year: int


class Step(Closed):
    id: str
    label: str
    amount: Money
    rule: str
    source: str
    figures: list[Figure]


class Wdp(Closed):
    monthly_limit: Money
    disability_income: Money
    countable_income: Money
    likely_eligible: bool
    limit: Figure


class Threshold1619b(Closed):
    yearly_earnings: Money
    threshold: Money
    below: bool
    figure: Figure


class Computation(Closed):
    household: Kind
    countable_unearned_income: Money
    countable_earned_income: Money
    total_countable_income: Money
    payment_level: Money
    above_payment_level: Money
    share_of_cost: Money


class Deeming(Closed):
    spouse_earned: Money
    spouse_ihss_wages: Money
    spouse_earned_counted: Money
    spouse_unearned: Money
    children: int
    child_incomes: list[Money]
    child_student_earnings: list[Money]
    student_earnings_excluded: list[Money]
    allocation_amount: Money
    allocations_by_child: list[Money]
    child_allocations: Money
    allocations_from_unearned: Money
    allocations_from_earned: Money
    spouse_unearned_left: Money
    spouse_earned_left: Money
    spouse_income_left: Money
    deemed: bool
    own: Computation
    with_spouse: Computation | None
    decided_by: Literal["own", "with_spouse"]
    allocation: Figure
    student_exclusion: Figure | None


class MediCalShare(Closed):
    countable_income: Money
    health_premiums: Money
    net_nonexempt_income: Money
    rounded_income: Money
    maintenance_need: Money
    share_of_cost: Money
    ihss_share_of_cost: Money
    buy_out: Money | None
    steps: list[Step]
    notes: list[str]


class Assets(Closed):
    assets: Money | None
    persons: int
    limit: Money | None
    applies: bool
    over_limit: bool | None
    figures: list[Figure]
    note: str


class Compared(Closed):
    what: str
    value: Money
    figure: Figure | None


class Screen(Closed):
    program: ProgramCode
    label: str
    status: Literal["likely", "possible", "unlikely"]
    reason: str
    figures: list[Compared]
    needs: list[str]
    notes: list[str]
    rule: str


class Placement(Closed):
    program: ProgramCode
    label: str
    share_of_cost: Money | None
    given: bool


class Soc(Closed):
    """``ihss soc --json``: the share of cost with every step, and the Medi-Cal that fits."""

    schema_version: Literal[2]
    inputs: Inputs
    household: Kind
    countable_unearned_income: Money
    countable_earned_income: Money
    total_countable_income: Money
    payment_level: Money
    above_payment_level: Money
    computed_share_of_cost: Money
    share_of_cost: Money = Field(description="on share-of-cost Medi-Cal; 0 with a free kind")
    medi_cal: MediCal | None
    rates: RatesRef
    max_earned_without_soc: Money | None
    wdp: Wdp | None
    threshold_1619b: Threshold1619b | None
    deeming: Deeming | None
    medi_cal_share_of_cost: MediCalShare | None
    assets: Assets | None
    programs: list[Screen]
    placement: Placement
    placement_share_of_cost: Money | None
    screened_month: int = Field(ge=1, le=12)
    caution: str | None
    steps: list[Step]
    notes: list[str]
    summary: str
    warnings: list[str]


class BatchAnswer(BaseModel):
    """A batch row worked out, without ``--steps``: the answer as plain columns."""

    model_config = ConfigDict(extra="allow")  # the input's passthrough columns

    line: int = Field(description="the input's line (CSV, JSON Lines) or row (Excel)")
    schema_version: Literal[2]
    household: Kind
    countable_unearned_income: Money
    countable_earned_income: Money
    total_countable_income: Money
    payment_level: Money
    above_payment_level: Money
    computed_share_of_cost: Money
    share_of_cost: Money
    placement: ProgramCode
    placement_share_of_cost: Money | None
    wdp_likely_eligible: bool | None
    max_earned_without_soc: Money | None
    medi_cal_soc: Money | None
    medi_cal: MediCal | None
    rates: RatesRef
    deeming: Deeming | None = Field(default=None, description="only with deeming")
    medi_cal_share_of_cost: MediCalShare | None = Field(default=None, description="only when shown")
    assets: Assets | None = Field(default=None, description="only when checked")
    warnings: list[str]


class BatchSteps(Soc):
    """A batch row with ``--steps``: every field of ``soc --json``."""

    model_config = ConfigDict(extra="allow")  # the input's passthrough columns

    line: int


class BatchError(BaseModel):
    """A batch row that failed: its line, its passthrough columns, and why."""

    model_config = ConfigDict(extra="allow")

    line: int
    error: str


class BatchRow(RootModel[BatchError | BatchSteps | BatchAnswer]):
    """One line of ``ihss batch`` JSON Lines: ``line`` and the input's passthrough columns,
    then either ``error`` or the answer (with ``--steps``, every field of ``soc --json``)."""


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
    provider: str
    recipient: str
    period: str
    hours: Hours


class Timesheets(Closed):
    """``ihss timesheets check --json``: every finding, each workweek and pay period."""

    schema_version: Literal[1]
    visits: int
    findings: list[Finding]
    workweeks: list[Workweek]
    pay_periods: list[PayPeriod]
    rates: RatesRef
    warnings: list[str]


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


class Difference(Closed):
    field: str
    a: Any
    b: Any
    change: Money | None = Field(description="b − a, for amounts; null otherwise")


class Compare(Closed):
    """``ihss compare --json``: two answers side by side, and what differs."""

    schema_version: Literal[1]
    labels: list[str] = Field(min_length=2, max_length=2)
    results: list[Soc] = Field(min_length=2, max_length=2)
    differences: list[Difference]


class JsonError(Closed):
    """What stderr carries when a ``--json`` run fails (its last line)."""

    error: Literal["usage", "data", "output", "internal"]
    exit_code: int
    option: str | None
    file: str | None
    message: str
    problems: list[dict[str, str]] | None = None


MODELS: dict[str, type[BaseModel]] = {
    "soc": Soc,
    "whatif": Whatif,
    "batch": BatchRow,
    "hours": HoursOut,
    "timesheets": Timesheets,
    "rates": RatesOut,
    "rates-check": RatesCheck,
    "compare": Compare,
    "error": JsonError,
}


def schema(command: str) -> dict[str, Any]:
    """The JSON Schema of ``command``'s ``--json`` output (of one row, for ``batch``)."""
    model = MODELS[command]
    body = model.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ihss-calc.invalid/schemas/{command}.schema.json",
        **body,
    }


def schema_text(command: str) -> str:
    """The schema as the wheel and ``docs/schemas/`` hold it: sorted keys, two-space indent."""
    return json.dumps(schema(command), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
