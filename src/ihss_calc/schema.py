"""The rates file's schema: pydantic models that say what a valid file is.

``problems(doc)`` returns every problem in a parsed TOML document as (key path, message)
pairs; an empty list means the document can be turned into ``Rates``. The models are frozen
and reject unknown keys, wrong types, negative amounts, parts that do not add up to their
level and sources that are not listed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from ihss_calc.amounts import money_display
from ihss_calc.i18n import N_, _

SCHEMA_VERSION = 1

Status = Literal["verified", "cross-checked", "derived"]
RoundingMode = Literal[
    "ROUND_HALF_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN", "ROUND_UP"
]


def _number(value: object) -> Decimal:
    """A TOML number read with ``parse_float=Decimal``: an int or a finite Decimal."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(_("must be a number, not {kind}").format(kind=_kind(value)))
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(_("must be a finite number"))
    return number


def _kind(value: object) -> str:
    names = {str: N_("a string"), bool: N_("true/false"), list: N_("a list"), dict: N_("a table"),
             Decimal: N_("the decimal number {value}")}  # fmt: skip
    name = names.get(type(value))
    return _(name).format(value=value) if name else type(value).__name__


def _integer(value: object) -> int:
    """A TOML integer: not true/false, not 1.0."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(_("must be a whole number, not {kind}").format(kind=_kind(value)))
    return value


def _a_day(figure: HoursFigure) -> HoursFigure:
    if figure.value != int(figure.value) or not 1 <= figure.value <= 27:
        why = _("must be a whole day of the month from 1 to 27, not {value}")
        raise ValueError(why.format(value=figure.value))
    return figure


def _power_of_ten(value: Decimal) -> Decimal:
    """A rounding quantum: 1, 0.1, 0.01, 0.001 or 0.0001."""
    if value not in QUANTA:
        why = _("must be one of {choices}, not {value}")
        raise ValueError(why.format(choices=", ".join(map(str, QUANTA)), value=value))
    return value


# Bounds far above any real figure, so that every computation stays exact in decimal's
# 28-digit context: a file --check accepts is one soc can use.
MAX_MONTHLY = 1_000_000
MAX_YEARLY = 100_000_000
QUANTA = tuple(Decimal(1).scaleb(-places) for places in range(5))

Number = Annotated[Decimal, BeforeValidator(_number)]
Integer = Annotated[int, BeforeValidator(_integer)]
Money = Annotated[Number, Field(ge=0, le=MAX_MONTHLY, decimal_places=2)]
YearlyMoney = Annotated[Number, Field(ge=0, le=MAX_YEARLY, decimal_places=2)]
Fraction = Annotated[Number, Field(gt=0, le=1, decimal_places=6)]
Quantum = Annotated[Number, AfterValidator(_power_of_ten)]
Text = Annotated[str, Field(min_length=1, strict=True)]
SourceId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", strict=True)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class SourceModel(Model):
    title: Text
    url: Annotated[str, Field(pattern=r"^https?://\S+$", strict=True)]


class Cited(Model):
    status: Status
    sources: Annotated[list[SourceId], Field(min_length=1)]
    note: str = ""


class Part(Cited):
    value: Money


class MonthlyFigure(Cited):
    label: Text
    value: Money
    unit: Literal["USD per month"]


class YearlyFigure(Cited):
    label: Text
    value: YearlyMoney
    unit: Literal["USD per year"]


class FractionFigure(Cited):
    label: Text
    value: Fraction
    unit: Literal["fraction"]


class AmountFigure(Cited):
    label: Text
    value: YearlyMoney
    unit: Literal["USD"]


class PaymentLevel(MonthlyFigure):
    federal: Part
    state: Part

    @model_validator(mode="after")
    def parts_add_up(self) -> PaymentLevel:
        total = self.federal.value + self.state.value
        if total != self.value:
            raise ValueError(
                _("federal {federal} + state {state} = {total}, not the level {level}").format(
                    federal=money_display(self.federal.value),
                    state=money_display(self.state.value),
                    total=money_display(total),
                    level=money_display(self.value),
                )
            )
        return self


class Exclusions(Model):
    general: MonthlyFigure
    earned: MonthlyFigure
    earned_share: FractionFigure


class PaymentLevels(Model):
    individual: PaymentLevel
    couple: PaymentLevel
    blind_individual: PaymentLevel
    couple_one_blind: PaymentLevel
    couple_both_blind: PaymentLevel


class Rounding(Cited):
    label: Text
    quantum: Quantum
    mode: RoundingMode


class WdpLimits(Model):
    individual: MonthlyFigure
    couple: MonthlyFigure


class Thresholds1619b(Model):
    regular: YearlyFigure | None = None
    blind: YearlyFigure | None = None


class WorkIncentives(Model):
    wdp_income_limit: WdpLimits | None = None
    threshold_1619b: Thresholds1619b = Thresholds1619b()


class Deeming(Model):
    allocation: MonthlyFigure
    # A student child's earnings up to this do not reduce the allocation (POMS SI 01320.185).
    student_exclusion: MonthlyFigure | None = None
    student_exclusion_yearly: YearlyFigure | None = None


class Ssdi(Model):
    """SSDI's work rules (docs/rules.md §13): the trial work amount and SGA, where found."""

    trial_work: MonthlyFigure | None = None
    sga: MonthlyFigure | None = None
    sga_blind: MonthlyFigure | None = None


class MaintenanceNeed(Model):
    one_person: MonthlyFigure
    two_adults: MonthlyFigure


class AssetLimit(Model):
    first_person: AmountFigure
    each_additional: AmountFigure


class MediCal(Model):
    maintenance_need: MaintenanceNeed
    rounding: Rounding
    asset_limit: AssetLimit | None = None


class PairOfLimits(Model):
    """A limit for one person and for a couple; either may be missing (not found)."""

    individual: MonthlyFigure | None = None
    couple: MonthlyFigure | None = None


class ResourceLimits(Model):
    individual: AmountFigure
    couple: AmountFigure


class SinceFigure(MonthlyFigure):
    """A monthly figure in force from a date (the WDP premium of $0 from July 2022)."""

    since: dt.date


class Programs(Model):
    """The Medi-Cal programs screened: limits in force from April 1 and January to March."""

    ssi_resource_limit: ResourceLimits | None = None
    ad_fpl_limit: PairOfLimits = PairOfLimits()
    ad_fpl_limit_before_april: PairOfLimits = PairOfLimits()
    ad_fpl_spouse_allowance: MonthlyFigure | None = None
    magi_limit: PairOfLimits = PairOfLimits()
    magi_limit_before_april: PairOfLimits = PairOfLimits()
    wdp_limit_before_april: PairOfLimits = PairOfLimits()
    wdp_premium: SinceFigure | None = None


class HoursFigure(Cited):
    label: Text
    value: Annotated[Number, Field(gt=0, le=1000, decimal_places=2)]
    unit: Literal["hours per month", "hours per week", "divisor", "day of month"]


class Hours(Model):
    """docs/rules.md §6 and §10: caps, the severely impaired threshold, providers' limits."""

    monthly_cap_severely_impaired: HoursFigure
    monthly_cap: HoursFigure
    severely_impaired_weekly: HoursFigure
    recipient_weekly_divisor: HoursFigure
    provider_weekly_max: HoursFigure
    provider_weekly_max_exempt: HoursFigure
    provider_monthly_max_exempt: HoursFigure
    overtime_after: HoursFigure
    travel_weekly_max: HoursFigure
    first_pay_period_ends: Annotated[HoursFigure, AfterValidator(_a_day)]


class RatesFile(Model):
    schema_version: Annotated[Literal[1], BeforeValidator(_integer)]
    year: Annotated[Integer, Field(ge=1990, le=2200)]
    effective_from: dt.date
    effective_to: dt.date
    sources: dict[SourceId, SourceModel]
    exclusions: Exclusions
    payment_levels: PaymentLevels
    rounding: Rounding
    work_incentives: WorkIncentives = WorkIncentives()
    deeming: Deeming
    medi_cal: MediCal
    programs: Programs = Programs()
    ssdi: Ssdi = Ssdi()
    hours: Hours


Problem = tuple[str, str]


def key_path(loc: tuple[int | str, ...]) -> str:
    """``('payment_levels', 'couple', 'sources', 0)`` -> ``payment_levels.couple.sources[0]``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or _("(top level)")


def problems(doc: dict[str, Any]) -> list[Problem]:
    """Every problem in a parsed rates document, each as (key path, what is wrong)."""
    try:
        RatesFile.model_validate(doc)
    except ValidationError as exc:
        found = []
        for error in exc.errors(include_url=False):
            found.append((key_path(error["loc"]), _message(error)))
        return found
    return _dates(doc) + _unknown_sources(doc)


# pydantic's messages (English only) for the problems a rates file has, in the words of the
# catalog; any other keeps pydantic's own.
PYDANTIC_MESSAGES = {
    "missing": N_("Field required"),
    "extra_forbidden": N_("Extra inputs are not permitted"),
    "literal_error": N_("Input should be {expected}"),
    "less_than_equal": N_("Input should be less than or equal to {le}"),
    "greater_than_equal": N_("Input should be greater than or equal to {ge}"),
    "greater_than": N_("Input should be greater than {gt}"),
    "string_type": N_("Input should be a valid string"),
    "date_type": N_("Input should be a valid date"),
    "list_type": N_("Input should be a valid list"),
    "model_type": N_("Input should be a table"),
    "dict_type": N_("Input should be a table"),
    "decimal_max_places": N_("Decimal input should have no more than {decimal_places} decimal "
                             "places"),
    "too_short": N_("List should have at least {min_length} item after validation, not "
                    "{actual_length}"),
    "string_too_short": N_("String should have at least {min_length} character"),
}  # fmt: skip


def _message(error: Any) -> str:
    """One pydantic error in words: ours (a validator's ValueError), or pydantic's."""
    if error["type"] == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    template = PYDANTIC_MESSAGES.get(error["type"])
    if template is None:
        return str(error["msg"])
    context = dict(error.get("ctx", {}))
    if error["type"] == "literal_error":  # pydantic joins the choices with an English "or"
        choices = re.findall(r"'[^']*'", str(context.get("expected", "")))
        if len(choices) > 1:
            context["expected"] = _("{items} or {last}").format(
                items=", ".join(choices[:-1]), last=choices[-1]
            )
    try:
        return _(template).format(**context)
    except (KeyError, IndexError):
        return str(error["msg"])


def _dates(doc: dict[str, Any]) -> list[Problem]:
    found: list[Problem] = []
    for name in ("effective_from", "effective_to"):
        if doc[name].year != doc["year"]:
            why = _("{date} is not in the file's year {year}")
            found.append((name, why.format(date=doc[name], year=doc["year"])))
    if doc["effective_from"] > doc["effective_to"]:
        found.append(("effective_to", _("is before effective_from")))
    return found


def _unknown_sources(doc: dict[str, Any]) -> list[Problem]:
    """Every ``sources`` list must name ids listed under ``[sources]``."""
    listed = set(doc["sources"])
    found: list[Problem] = []

    def walk(node: object, path: tuple[int | str, ...]) -> None:
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            if key == "sources" and isinstance(value, list):
                for i, ref in enumerate(value):
                    if ref not in listed:
                        found.append(
                            (
                                key_path((*path, key, i)),
                                _("source {ref} is not in [sources]").format(ref=repr(ref)),
                            )
                        )
            else:
                walk(value, (*path, key))

    for section, body in doc.items():
        if section != "sources":
            walk(body, (section,))
    return found
