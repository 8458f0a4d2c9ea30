"""``ihss batch``: many cases in, one result per case out, in order, streamed.

Input is CSV with a header row, or JSON Lines. The input columns are those of ``ihss soc``
(INPUT_COLUMNS, in any case); any other column (``id`` first of all) passes through untouched.
A row that cannot be worked out gets its line number and the words ``ihss soc`` would use, in
its place; nothing else is lost. Rows are checked with the same functions as ``ihss soc``
(``amounts.parse_amount``, ``rules.check_household``) and worked out by ``rules``.

This module works rows out; ``batch_sources`` reads them (``tabular`` decodes the text a
chunk at a time) and ``batch_write`` writes them. What depends only on a row's household,
Medi-Cal and year (the payment level, which work expenses are allowed, the output line around
the amounts) is worked out once per such ``Profile``, and each distinct amount text is parsed
once (a bounded cache); rows that use deeming, the Medi-Cal share of cost or assets go through
``rules.share_of_cost`` itself. benchmarks/batch.py measures it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ihss_calc import values
from ihss_calc.amounts import ZERO, AmountError, money_text, parse_amount
from ihss_calc.i18n import _
from ihss_calc.jsonout import dumps, medi_cal_dict, rates_ref
from ihss_calc.rates import Rates
from ihss_calc.rules import (
    DEFAULT_MONTH,
    MAX_AGE,
    MAX_CHILDREN,
    MEDI_CAL,
    SCHEMA_VERSION,
    SSI_ENDED,
    Household,
    InputProblem,
    Result,
    above_and_share,
    check_household,
    countable_amounts,
    exclusions,
    share_of_cost,
)
from ihss_calc.rules.incentives import headroom_guess, largest_cents, wdp_limit
from ihss_calc.rules.screening import in_force

AMOUNT_COLUMNS = ("unearned", "earned", "irwe", "bwe")
FLAG_COLUMNS = ("couple", "blind", "spouse_blind")
# docs/rules.md §8-§9's and §12's inputs: a row that gives any of them is worked out by
# share_of_cost itself.
FULL_COLUMNS = ("spouse_earned", "spouse_unearned", "spouse_ihss_wages", "children",
                "child_incomes", "child_student_earnings", "health_premiums", "show_medi_cal_soc",
                "assets", "age", "medicare", "ssi_ended", "pickle_disregard", "month")  # fmt: skip
INPUT_COLUMNS = (*AMOUNT_COLUMNS, *FLAG_COLUMNS, "medi_cal", "year", "disability_income",
                 *FULL_COLUMNS)  # fmt: skip
PROFILE = slice(4, 9)  # the columns a profile is made of: couple … year
RESULT_FIELDS = ("countable_unearned_income", "countable_earned_income",
                 "total_countable_income", "payment_level", "above_payment_level",
                 "computed_share_of_cost", "share_of_cost", "placement",
                 "placement_share_of_cost", "wdp_likely_eligible", "max_earned_without_soc",
                 "medi_cal_soc")  # fmt: skip
FULL_RESULT_FIELDS = ("deemed", "medi_cal_share_of_cost", "buy_out", "assets_over_limit")
CSV_FIELDS = ("line", *INPUT_COLUMNS, "household", *RESULT_FIELDS, *FULL_RESULT_FIELDS,
              "rates_file", "warnings", "error")  # fmt: skip
JSONL_FIELDS = ("line", "error", "schema_version", "household", *RESULT_FIELDS, "medi_cal",
                "rates", "warnings", "deeming", "medi_cal_share_of_cost", "assets")  # fmt: skip
STEPS_FIELDS = (*JSONL_FIELDS, "inputs", "max_earned_without_soc", "wdp", "threshold_1619b",
                "steps", "notes")  # fmt: skip

FLAGS = {"1": True, "true": True, "yes": True, "y": True, "0": False, "false": False, "no": False,
         "n": False, "": False}  # fmt: skip
ZERO_TEXT = money_text(ZERO)
# Cache sizes: plenty for real caseloads, and memory stays flat whatever the input holds.
_PROFILES_CACHED = 4_096


class RowError(Exception):
    """One row that cannot be worked out; the message is what ``ihss soc`` would say."""


def invalid(column: str, why: str) -> RowError:
    # click's own words (and its message id), as 'ihss soc' says it of an option
    return RowError(_("Invalid value for {param_hint}: {message}").format(
        param_hint=f"'{column}'", message=why))  # fmt: skip


# -- working rows out --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    """What a row's household, Medi-Cal and year decide, worked out once for all such rows."""

    household: Household  # with amounts 0
    rates: Rates
    exclusions: tuple[Decimal, Decimal, Decimal]  # the $20, the $65, the one-half
    level: Decimal
    quantum: Decimal
    mode: str
    free: bool  # a Medi-Cal program that means no share of cost
    bwe_error: str  # why this household may not have BWE, if it may not
    irwe_error: str
    warnings: tuple[str, ...]
    template: str  # the JSON line from "schema_version" on, %s for the eight results
    code: str | None  # the row's --medi-cal code, if it gives one
    month: int  # the month screened for Medi-Cal (the column's, or the default)
    ad_fpl_limit: Decimal | None  # the A&D FPL limit in force that month, if on file
    wdp_limit: Decimal | None  # WDP's, likewise
    mc_quantum: Decimal  # the Medi-Cal share of cost: income to the dollar (22 CCR 50653) ...
    mc_mode: str
    mc_need: Decimal  # ... less the maintenance need (one person, or two adults)


class Engine:
    """Works out rows. ``rates_for(year)`` gives the rates for a year or raises ``RowError``;
    ``warning_for(rates)`` the stale-rates warning, if any."""

    def __init__(
        self,
        rates_for: Callable[[int | None], Rates],
        warning_for: Callable[[Rates], str | None],
        month_for: Callable[[int], int] = lambda year: DEFAULT_MONTH,
    ) -> None:
        self._rates_for = rates_for
        self._warning_for = warning_for
        self._month_for = month_for  # the month screened for a row that gives none
        self._profiles: dict[tuple[str, ...], Profile | str] = {}  # refused: its message

    def profile(self, key: tuple[str, ...]) -> Profile:
        """The profile for (couple, blind, spouse_blind, medi_cal, year) texts, or RowError."""
        found = self._profiles.get(key)
        if found is None:
            try:
                found = self._make_profile(*key)
            except RowError as exc:
                found = str(exc)
            if len(self._profiles) >= _PROFILES_CACHED:
                self._profiles.clear()
            self._profiles[key] = found
        if isinstance(found, str):
            raise RowError(found)
        return found

    def _make_profile(
        self, couple: str, blind: str, spouse_blind: str, medi_cal: str, year: str
    ) -> Profile:
        flags = [parse_flag(v, c) for v, c in zip((couple, blind, spouse_blind), FLAG_COLUMNS,
                                                  strict=True)]  # fmt: skip
        code = parse_medi_cal(medi_cal)
        rates = self._rates_for(parse_year(year))
        h = Household(couple=flags[0], blind=flags[1], spouse_blind=flags[2], medi_cal=code,
                      month=self._month_for(rates.year))  # fmt: skip
        problem = _problem(h)
        if problem:
            raise RowError(problem)
        warning = self._warning_for(rates)
        warnings = (warning,) if warning else ()
        level = rates.payment_levels[h.kind].value
        parts = (h.kind, level, medi_cal_dict(h.program), rates_ref(rates), list(warnings))
        fixed = [dumps(v, indent=None).replace("%", "%%") for v in parts]
        template = (
            f'"schema_version": {SCHEMA_VERSION}, "household": {fixed[0]}, '
            '"countable_unearned_income": %s, "countable_earned_income": %s, '
            f'"total_countable_income": %s, "payment_level": {fixed[1]}, '
            '"above_payment_level": %s, "computed_share_of_cost": %s, "share_of_cost": %s, '
            '"placement": "%s", "placement_share_of_cost": %s, "wdp_likely_eligible": %s, '
            '"max_earned_without_soc": %s, "medi_cal_soc": %s, '
            f'"medi_cal": {fixed[2]}, "rates": {fixed[3]}, "warnings": {fixed[4]}}}\n'
        )
        ad_fpl = in_force(h, rates.ad_fpl_limit, rates.ad_fpl_limit_before_april)
        ad_fpl_limit = ad_fpl.get("couple" if h.couple else "individual")
        wdp = wdp_limit(h, rates)
        return Profile(
            household=h,
            rates=rates,
            exclusions=exclusions(rates),
            level=level,
            quantum=rates.rounding.quantum.value,
            mode=rates.rounding.mode,
            free=h.free,
            bwe_error=_problem(h._replace(bwe=Decimal(1))),
            irwe_error=_problem(h._replace(irwe=Decimal(1))),
            warnings=warnings,
            template=template,
            code=h.medi_cal,
            month=h.month,
            ad_fpl_limit=None if ad_fpl_limit is None else ad_fpl_limit.value,
            wdp_limit=None if wdp is None else wdp.value,
            mc_quantum=rates.medi_cal_rounding.quantum.value,
            mc_mode=rates.medi_cal_rounding.mode,
            mc_need=rates.maintenance_need["two_adults" if h.couple else "one_person"].value,
        )

    def work(
        self, values: tuple[str, ...]
    ) -> tuple[Profile, str, str, str, str, str, str, str, str, str, str, str]:
        """One row that gives none of FULL_COLUMNS: its profile and the texts of countable
        unearned, countable earned, total, above the level, computed share of cost, share of
        cost, the placement and the share of cost there, WDP likely, the headroom and the
        Medi-Cal share of cost (JSON texts: "null" where there is none). ``values`` are the texts of
        INPUT_COLUMNS ("" if missing). The hot path of batch work: no more than the rules and
        the texts they give."""
        p = self._profiles.get(values[PROFILE])
        if type(p) is not Profile:
            p = self.profile(values[PROFILE])  # builds it, or raises the row's error
        try:
            unearned, earned, irwe, bwe = map(amount, values[:4])
        except AmountError:
            raise _amount_error(values) from None
        if bwe and p.bwe_error:
            raise RowError(p.bwe_error)
        if irwe and p.irwe_error:
            raise RowError(p.irwe_error)
        disability = ZERO
        if values[9]:  # disability income: checked here, used by the WDP screen
            disability = column_amount(values[9], "disability_income")
            if disability > unearned:
                why = _problem(Household(unearned=unearned, disability_income=disability))
                raise RowError(why)
        c = countable_amounts(unearned, earned, irwe, bwe, *p.exclusions)
        above, computed = above_and_share(c[9], p.level, p.quantum, p.mode)
        above_text = money_text(above) if above else ZERO_TEXT
        # money_text is canonical, so an amount the rounding left alone has the same text.
        computed_text = above_text if computed == above else money_text(computed)
        share_text = ZERO_TEXT if p.free else computed_text
        wdp = _wdp_likely(p, c, unearned, earned, irwe, bwe, disability)
        # The placement: the person's word; else A&D FPL, the common case, inline; else WDP
        # or medically needy.
        if p.code:
            placed, placed_text = p.code, share_text
        elif p.ad_fpl_limit is not None and c[9] <= p.ad_fpl_limit:
            placed, placed_text = "ad-fpl", ZERO_TEXT
        elif wdp:
            placed, placed_text = "wdp", ZERO_TEXT
        else:
            placed, placed_text = "medically-needy", computed_text
        top = fast_headroom(p, unearned, irwe, bwe, c[1])
        # income to the dollar, less the need: the text of a whole number of dollars
        rounded = c[9].quantize(p.mc_quantum, rounding=p.mc_mode)
        mc_text = (money_text((rounded - p.mc_need).quantize(p.mc_quantum, rounding=p.mc_mode))
                   if rounded > p.mc_need else ZERO_TEXT)  # fmt: skip
        return (p, money_text(c[1]) if c[1] else ZERO_TEXT,
                money_text(c[8]) if c[8] else ZERO_TEXT, money_text(c[9]) if c[9] else ZERO_TEXT,
                above_text, computed_text, share_text, placed, placed_text,
                "null" if wdp is None else ("true" if wdp else "false"),
                "null" if top is None else money_text(top), mc_text)  # fmt: skip

    def household(self, values: tuple[str, ...]) -> tuple[Household, Profile]:
        """The full household of a row, checked (``RowError`` if the rules refuse it)."""
        profile = self.profile(values[PROFILE])
        amount = column_amount
        unearned, earned, irwe, bwe = (amount(v, c) for v, c in zip(values, AMOUNT_COLUMNS,
                                                                    strict=False))  # fmt: skip
        full = dict(zip(FULL_COLUMNS, values[10:], strict=True))

        def optional(name: str) -> Decimal | None:
            return amount(full[name], name) if full[name].strip() else None

        household = profile.household._replace(
            unearned=unearned, earned=earned, irwe=irwe, bwe=bwe,
            disability_income=amount(values[9], "disability_income"),
            spouse_earned=optional("spouse_earned"), spouse_unearned=optional("spouse_unearned"),
            spouse_ihss_wages=amount(full["spouse_ihss_wages"], "spouse_ihss_wages"),
            children=parse_count(full["children"], "children", MAX_CHILDREN),
            child_incomes=per_child(full["child_incomes"], "child_incomes"),
            child_student_earnings=per_child(full["child_student_earnings"],
                                             "child_student_earnings"),
            health_premiums=amount(full["health_premiums"], "health_premiums"),
            medi_cal_soc=parse_flag(full["show_medi_cal_soc"], "show_medi_cal_soc"),
            assets=optional("assets"),
            age=optional_count(full["age"], "age", MAX_AGE),
            medicare=parse_flag(full["medicare"], "medicare"),
            ssi_ended=optional_code(full["ssi_ended"], "ssi_ended", SSI_ENDED),
            pickle_disregard=optional("pickle_disregard"),
            month=_or(optional_count(full["month"], "month", 12, low=1), profile.month),
        )  # fmt: skip
        problem = _problem(household)
        if problem:
            raise RowError(problem)
        return household, profile

    def full(self, values: tuple[str, ...]) -> tuple[Result, Profile]:
        """A row worked out by ``share_of_cost`` itself, with every part of the result."""
        household, profile = self.household(values)
        return share_of_cost(household, profile.rates), profile


def _wdp_likely(
    p: Profile,
    c: tuple[Decimal, ...],
    unearned: Decimal,
    earned: Decimal,
    irwe: Decimal,
    bwe: Decimal,
    disability: Decimal,
) -> bool | None:
    """``wdp.likely_eligible`` for a row that gives none of FULL_COLUMNS (no assets, no
    spouse), as ``rules.incentives.wdp_check`` finds it: working, countable income without
    disability income under the limit, other unearned income below the level; None without a
    limit. ``c`` is the row's ``countable_amounts``. A speed trick for the hot path; tests/
    test_batch.py checks it, and the placement it gives, against the rules for any such row."""
    if p.wdp_limit is None:
        return None
    if not earned:
        return False
    if disability:  # WDP leaves disability income out: count the rest again
        other = countable_amounts(unearned - disability, earned, irwe, bwe, *p.exclusions)
    else:  # nothing left out: the row's own amounts
        other = c
    return other[9] < p.wdp_limit and other[1] < p.level


def fast_headroom(
    p: Profile, unearned: Decimal, irwe: Decimal, bwe: Decimal, countable_unearned: Decimal
) -> Decimal | None:
    """``max_earned_without_soc`` for a row of the fast path, worked out instead of searched:
    above the exclusions each cent of earnings adds a half cent of countable income, so the
    last cent with a share of 0.00 is found from the level, then checked on both sides; where
    the check fails (odd figures), the search itself decides. tests/test_batch.py checks it
    against the rules for any such row. With no earnings, countable income is the row's
    ``countable_unearned``, whatever its earnings."""
    if p.free:
        return None
    if countable_unearned > p.level and above_and_share(countable_unearned, p.level, p.quantum,
                                                       p.mode)[1]:  # fmt: skip
        return None  # a share of cost even with no earnings

    def share(earned: Decimal) -> Decimal:
        total = countable_amounts(unearned, earned, irwe, bwe, *p.exclusions)[9]
        return above_and_share(total, p.level, p.quantum, p.mode)[1]

    guess = headroom_guess(unearned, irwe, bwe, p.level, p.quantum, p.mode, p.exclusions)
    return largest_cents(lambda earned: not share(earned), guess=guess)


def per_child(text: str, column: str) -> tuple[Decimal, ...]:
    """Amounts separated by ';', one per child in order ("600;0"); empty: none given."""
    if not text.strip():
        return ()
    return tuple(column_amount(part, column) for part in text.split(";"))


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def optional_count(text: str, column: str, high: int, low: int = 0) -> int | None:
    """A whole number, or None when the column is empty."""
    return parse_count(text, column, high, low) if text.strip() else None


def optional_code(text: str, column: str, codes: tuple[str, ...]) -> str | None:
    """One of ``codes`` as ``values.code`` reads it, or None when the column is empty."""
    if not text.strip():
        return None
    try:
        return values.code(text, codes)
    except values.ValueProblem as exc:
        raise invalid(column, str(exc)) from None


@functools.lru_cache(maxsize=1 << 13)  # repeated amounts (0, whole dollars) parse once
def amount(text: str) -> Decimal:
    """An amount as ``ihss soc`` reads it; an empty one is 0."""
    return parse_amount(text) if text else ZERO


def column_amount(text: str, column: str) -> Decimal:
    try:
        return amount(text)
    except AmountError as exc:
        raise invalid(column, str(exc)) from None


def _amount_error(values: tuple[str, ...]) -> RowError:
    """The error of the first amount in ``values`` that is not one."""
    for text, column in zip(values, AMOUNT_COLUMNS, strict=False):
        try:
            amount(text)
        except AmountError as exc:
            return invalid(column, str(exc))
    return RowError("an amount is not one")  # not reached: the caller saw one fail


def _problem(household: Household) -> str:
    """The row's error for a household the rules refuse, or "" when they take it."""
    try:
        check_household(household)
    except InputProblem as problem:
        return str(invalid(_column(problem.field), problem.text(_column)))
    return ""


def _column(field: str) -> str:
    """The batch column of a Household field."""
    return {"medi_cal_soc": "show_medi_cal_soc"}.get(field, field)


def parse_flag(text: str, column: str) -> bool:
    found = FLAGS.get(text)
    if found is None:
        found = FLAGS.get(text.strip().lower())
        if found is None:
            raise invalid(
                column,
                _(
                    "{value} is not a yes/no value; use 1 or 0, true or false, "
                    "yes or no, or leave it empty"
                ).format(value=repr(text)),
            )
    return found


def parse_medi_cal(text: str) -> str | None:
    return optional_code(text, "medi_cal", tuple(MEDI_CAL))


def parse_year(text: str) -> int | None:
    if not text.strip():
        return None
    try:
        return values.year(text)
    except values.ValueProblem as exc:
        raise invalid("year", str(exc)) from None


def parse_count(text: str, column: str, high: int, low: int = 0) -> int:
    """A whole number as ``values.whole_number`` reads it; empty is 0."""
    if not text.strip():
        return 0
    try:
        return values.whole_number(text, low, high)
    except values.ValueProblem as exc:
        raise invalid(column, str(exc)) from None


def _short(text: str) -> str:
    """A value as an error shows it: a very long one cut, with its length."""
    if len(text) <= 40:
        return text
    return _("{start}… ({n} characters)").format(start=text[:20], n=f"{len(text):,}")
