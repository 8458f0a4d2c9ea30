"""A batch row: without ``--steps``, the plain columns (``row_dict``); with it, written
straight from the result (``steps_row``): the same text as
``compact_dumps(result_dict(result))``, byte for byte (tests/test_jsonrow.py holds it to that),
without the dicts in between.

A row's steps and programs are the bulk of its 23 kB, and most of their text repeats from row
to row: a step is its id, label, rule, source and figures, the same for every row of a rates
file and language, around its amount. So each step's text around its amount, and each figure's
compact JSON, is made once and reused; what is the row's own (amounts, sentences) is written
as it comes. Parts that are rare in a caseload (deeming, the Medi-Cal share of cost, assets)
are written through ``compact_dumps`` as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from json.encoder import encode_basestring as _string
from typing import Any

from ihss_calc.amounts import money_text
from ihss_calc.answer import summary
from ihss_calc.i18n import _, language
from ihss_calc.jsonout import (
    assets_dict,
    compact_dumps,
    deeming_dict,
    dumps,
    figure_dict,
    medi_cal_dict,
    medi_cal_share_dict,
    placement_dict,
    rates_ref,
    result_dict,
)
from ihss_calc.rates import Figure
from ihss_calc.rules import PROGRAM_LABELS, SCHEMA_VERSION, Household, Result, Screen, Step

_STEPS: dict[tuple[Any, ...], tuple[str, str]] = {}
_SMALL: dict[tuple[Any, ...], str] = {}  # a rates file's reference, a kind of Medi-Cal
_MONEY: dict[Decimal, str] = {}
_CACHED = 20_000  # entries kept before the caches start again (a long-lived process)


def money(value: Decimal) -> str:
    """``money_text``, remembered: its text depends on the value alone (trailing zeros are
    made canonical), and a caseload's figures and common amounts recur in every row."""
    text = _MONEY.get(value)
    if text is None:
        if len(_MONEY) > _CACHED:
            _MONEY.clear()
        text = _MONEY[value] = money_text(value)
    return text


def figure_text(f: Figure) -> str:
    """A figure's compact JSON, made once per figure and language (``figure_dict``'s)."""
    body = figure_dict(f)
    if body.compact is None:
        dumps(body, indent=None)  # sets body.compact
    return body.compact or ""


def _value(value: object) -> str:
    """A scalar as ``dumps`` writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, int):
        return str(value)
    return _string(str(value))


def _money(value: Decimal | None) -> str:
    return "null" if value is None else money_text(value)


def _strings(items: Sequence[str]) -> str:
    return "[" + ", ".join(map(_string, items)) + "]"


def _moneys(items: Sequence[Decimal]) -> str:
    return "[" + ", ".join(map(money_text, items)) + "]"


def steps_text(steps: Sequence[Step]) -> str:
    """``steps_list(steps)`` as compact JSON: each step's text around its amount made once."""
    lang = language()
    out = []
    for s in steps:
        key = (s.id, s.label, s.rule, s.source, s.figures, lang)
        around = _STEPS.get(key)
        if around is None:
            if len(_STEPS) > _CACHED:
                _STEPS.clear()
            around = _STEPS[key] = (
                f'{{"id": {_string(s.id)}, "label": {_string(s.label)}, "amount": ',
                f', "rule": {_string(s.rule)}, "source": {_string(s.source)}, "figures": ['
                + ", ".join(map(figure_text, s.figures)) + "]}",
            )  # fmt: skip
        out.append(around[0] + money(s.amount) + around[1])
    return "[" + ", ".join(out) + "]"


def programs_text(screens: Sequence[Screen]) -> str:
    """``programs_list(screens)`` as compact JSON."""
    out = []
    for s in screens:
        compared = ", ".join(
            f'{{"what": {_string(c.what)}, "value": {money(c.value)}, "figure": '
            f"{'null' if c.figure is None else figure_text(c.figure)}}}"
            for c in s.figures
        )
        out.append(f'{{"program": {_string(s.program)}, '
                   f'"label": {_string(_(PROGRAM_LABELS[s.program]))}, '
                   f'"status": {_string(s.status)}, "reason": {_string(s.reason)}, '
                   f'"figures": [{compared}], "needs": {_strings(s.needs)}, '
                   f'"notes": {_strings(s.notes)}, "rule": {_string(s.rule)}}}')  # fmt: skip
    return "[" + ", ".join(out) + "]"


def _inputs(h: Household, year: int) -> str:
    """``inputs_dict(h, year)`` as compact JSON."""
    return (
        f'{{"unearned": {money_text(h.unearned)}, "earned": {money_text(h.earned)}, '
        f'"irwe": {money_text(h.irwe)}, "bwe": {money_text(h.bwe)}, '
        f'"couple": {_value(h.couple)}, "blind": {_value(h.blind)}, '
        f'"spouse_blind": {_value(h.spouse_blind)}, "medi_cal": {_value(h.medi_cal)}, '
        f'"disability_income": {money_text(h.disability_income)}, '
        f'"spouse_earned": {_money(h.spouse_earned)}, '
        f'"spouse_unearned": {_money(h.spouse_unearned)}, '
        f'"spouse_ihss_wages": {money_text(h.spouse_ihss_wages)}, "children": {h.children}, '
        f'"child_incomes": {_moneys(h.child_incomes)}, '
        f'"child_student_earnings": {_moneys(h.child_student_earnings)}, '
        f'"health_premiums": {money_text(h.health_premiums)}, '
        f'"show_medi_cal_soc": {_value(h.medi_cal_soc)}, "assets": {_money(h.assets)}, '
        f'"age": {_value(h.age)}, "medicare": {_value(h.medicare)}, '
        f'"ssi_ended": {_value(h.ssi_ended)}, "pickle_disregard": {_money(h.pickle_disregard)}, '
        f'"month": {h.month}, "year": {year}}}'
    )  # fmt: skip


def _part(value: dict[str, Any] | None) -> str:
    return "null" if value is None else compact_dumps(value)


def _small(key: tuple[Any, ...], make: Any) -> str:
    text = _SMALL.get(key)
    if text is None:
        if len(_SMALL) > _CACHED:
            _SMALL.clear()
        text = _SMALL[key] = compact_dumps(make())
    return text


def _rates(result: Result) -> str:
    r = result.rates
    return _small(("rates", r.year, r.origin, r.bundled), lambda: rates_ref(r))


def _medi_cal(result: Result) -> str:
    program = result.medi_cal
    if program is None:
        return "null"
    return _small(("medi_cal", program, language()), lambda: medi_cal_dict(program))


def _placement(result: Result) -> str:
    p = result.placement
    key = ("placement", p.program, language())
    label = _SMALL.get(key)
    if label is None:
        label = _SMALL[key] = _string(placement_dict(p)["label"])
    pays = _money(p.share_of_cost)
    return (f'{{"program": {_string(p.program)}, "label": {label}, '
            f'"share_of_cost": {pays}, "given": {_value(p.given)}}}')  # fmt: skip


def steps_row(result: Result, warnings: list[str]) -> str:
    """``compact_dumps(result_dict(result, warnings=warnings))`` without its opening brace."""
    h, c = result.household, result.countable
    wdp = result.wdp
    wdp_text = "null" if wdp is None else (
        f'{{"monthly_limit": {money_text(wdp.monthly_limit.value)}, '
        f'"disability_income": {money_text(wdp.disability_income)}, '
        f'"countable_income": {money_text(wdp.countable_income)}, '
        f'"likely_eligible": {_value(wdp.likely_eligible)}, '
        f'"limit": {figure_text(wdp.monthly_limit)}}}')  # fmt: skip
    t = result.threshold_1619b
    t_text = "null" if t is None else (
        f'{{"yearly_earnings": {money_text(t.yearly_earnings)}, '
        f'"threshold": {money_text(t.threshold.value)}, "below": {_value(t.below)}, '
        f'"figure": {figure_text(t.threshold)}}}')  # fmt: skip
    return (
        f'"schema_version": {SCHEMA_VERSION}, "inputs": {_inputs(h, result.rates.year)}, '
        f'"household": {_string(h.kind)}, '
        f'"countable_unearned_income": {money_text(c.countable_unearned)}, '
        f'"countable_earned_income": {money_text(c.countable_earned)}, '
        f'"total_countable_income": {money_text(c.total)}, '
        f'"payment_level": {money_text(result.payment_level.value)}, '
        f'"above_payment_level": {_value(result.above_level)}, '
        f'"computed_share_of_cost": {_value(result.computed_share_of_cost)}, '
        f'"share_of_cost": {_value(result.share_of_cost)}, '
        f'"medi_cal": {_medi_cal(result)}, "rates": {_rates(result)}, '
        f'"max_earned_without_soc": {_money(result.max_earned_without_soc)}, '
        f'"wdp": {wdp_text}, "threshold_1619b": {t_text}, '
        f'"deeming": {_part(deeming_dict(result))}, '
        f'"medi_cal_share_of_cost": {_part(medi_cal_share_dict(result.medi_cal_share))}, '
        f'"assets": {_part(assets_dict(result.assets))}, '
        f'"programs": {programs_text(result.programs)}, '
        f'"placement": {_placement(result)}, '
        f'"placement_share_of_cost": {_money(result.placement.share_of_cost)}, '
        f'"screened_month": {h.month}, "caution": {_value(result.caution)}, '
        f'"steps": {steps_text(result.steps)}, "notes": {_strings(result.notes)}, '
        f'"summary": {_string(summary(result))}, "warnings": {_strings(warnings)}}}'
    )  # fmt: skip


# The fields of a batch row without --steps: the fast path writes the same ones itself.
ROW_FIELDS = ("schema_version", "household", "countable_unearned_income",
              "countable_earned_income", "total_countable_income", "payment_level",
              "above_payment_level", "computed_share_of_cost", "share_of_cost", "placement",
              "placement_share_of_cost", "wdp_likely_eligible", "max_earned_without_soc",
              "medi_cal_soc", "medi_cal", "rates")  # fmt: skip


def row_extras(result: Result) -> dict[str, Any]:
    """What counties need per row without --steps: WDP likely, the headroom, and the Medi-Cal
    share of cost (whole dollars, as on medically needy Medi-Cal; null with a spouse who is not
    aged, blind or disabled, whose income Medi-Cal counts in a way not found)."""
    from ihss_calc.rules.medi_cal import medi_cal_share

    h, r = result.household, result.rates
    mc = result.medi_cal_share
    soc = None
    if mc is not None:
        soc = mc.share_of_cost
    elif not h.ineligible_spouse:
        soc = medi_cal_share(h, r, result.countable.total, result.share_of_cost).share_of_cost
    return {
        "wdp_likely_eligible": None if result.wdp is None else result.wdp.likely_eligible,
        "max_earned_without_soc": result.max_earned_without_soc,
        "medi_cal_soc": soc,
    }


def row_dict(result: Result, *, warnings: list[str]) -> dict[str, Any]:
    """A batch row without --steps; with deeming, the Medi-Cal share of cost or assets, those
    objects too (the headroom search and the steps are left out, as for every row)."""
    body = result_dict(result, steps=False, warnings=warnings)
    body["placement_share_of_cost"] = result.placement.share_of_cost
    body["placement"] = result.placement.program
    body.update(row_extras(result))
    row = {key: body[key] for key in ROW_FIELDS}
    for key in ("deeming", "medi_cal_share_of_cost", "assets"):
        if body[key] is not None:
            row[key] = body[key]
    row["warnings"] = body["warnings"]
    return row
