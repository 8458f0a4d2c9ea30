"""The parts every output shares: money, figures with their sources, the rates used, the
household's inputs and the rules' objects."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

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
