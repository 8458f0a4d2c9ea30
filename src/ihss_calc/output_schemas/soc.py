"""``ihss soc --json``, a batch row, ``ihss compare --json``, and the error object of a failed
``--json`` run."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from ihss_calc.output_schemas.common import (
    Assets,
    Closed,
    Deeming,
    Inputs,
    Kind,
    MediCal,
    MediCalShare,
    Money,
    Placement,
    ProgramCode,
    RatesRef,
    Screen,
    Step,
    Threshold1619b,
    Wdp,
)


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
