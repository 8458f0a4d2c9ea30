"""JSON output with money as exact JSON numbers.

The standard library's encoder cannot write a Decimal as a number without passing it through
float, so ``dumps`` writes JSON itself: a Decimal becomes its own text (``157.29``,
``7.505``), never ``157.29000000000002`` and never a string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ihss_calc.amounts import money_text
from ihss_calc.answer import summary
from ihss_calc.i18n import _, language
from ihss_calc.rates import Figure, Rates, label_text
from ihss_calc.rules import (
    MEDI_CAL,
    PROGRAM_LABELS,
    SCHEMA_VERSION,
    AssetCheck,
    Computation,
    Household,
    MediCalProgram,
    MediCalShare,
    Placement,
    Result,
    Screen,
    Step,
    WdpCheck,
)

if TYPE_CHECKING:
    pass

_string = json.encoder.encode_basestring


class RawNumber(str):
    """A JSON number read as its own text (``json.loads(parse_float=RawNumber, …)``), so it
    can be checked like typed input and written back untouched."""


def dumps(value: Any, indent: int | None = 2, _level: int = 0) -> str:
    """JSON text for dicts, lists, str, int, bool, None and Decimal (exactly, as a number)."""
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, RawNumber):
        return str.__str__(value)
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Mapping):
        if indent is None and type(value) is FigureJson and value.compact is not None:
            return value.compact  # written once
        items = [f"{_string(str(k))}: {dumps(v, indent, _level + 1)}" for k, v in value.items()]
        text = _wrap("{", items, "}", indent, _level)
        if indent is None and type(value) is FigureJson:
            value.compact = text
        return text
    if isinstance(value, Sequence):
        return _wrap("[", [dumps(v, indent, _level + 1) for v in value], "]", indent, _level)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


_MARK = re.compile(r'"\\u0000(\d+)\\u0000"')


def compact_dumps(value: Any) -> str:
    """``dumps(value, indent=None)``, the same text, through the standard library's C encoder:
    a Decimal, or a figure (``FigureJson``), goes in as a marked string, and each mark is then
    replaced by the Decimal's own text or the figure's compact JSON. Should a string of the value
    itself look like a mark, the marks do not add up and ``dumps`` writes it instead."""
    texts: list[str] = []

    def default(o: Any) -> str:
        if isinstance(o, Decimal):
            texts.append(money_text(o))
        elif type(o) is FigureJson and o.compact is not None:
            texts.append(o.compact)
        else:
            texts.append(dumps(o, indent=None))  # a figure the first time; or dumps' TypeError
        return f"\x00{len(texts) - 1}\x00"

    def put(mark: re.Match[str]) -> str:
        i = int(mark.group(1))
        return texts[i] if i < len(texts) else mark.group(0)

    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=default)
    text, count = _MARK.subn(put, encoder.encode(value))
    if count != len(texts):
        return dumps(value, indent=None)
    return text


def _wrap(open_: str, items: list[str], close: str, indent: int | None, level: int) -> str:
    if not items:
        return open_ + close
    if indent is None:
        return open_ + ", ".join(items) + close
    pad = " " * (indent * (level + 1))
    return open_ + "\n" + ",\n".join(pad + i for i in items) + "\n" + pad[:-indent] + close


def inputs_dict(h: Household, year: int) -> dict[str, Any]:
    return {
        "unearned": h.unearned,
        "earned": h.earned,
        "irwe": h.irwe,
        "bwe": h.bwe,
        "couple": h.couple,
        "blind": h.blind,
        "spouse_blind": h.spouse_blind,
        "medi_cal": h.medi_cal,
        "disability_income": h.disability_income,
        "spouse_earned": h.spouse_earned,
        "spouse_unearned": h.spouse_unearned,
        "spouse_ihss_wages": h.spouse_ihss_wages,
        "children": h.children,
        "child_incomes": list(h.child_incomes),
        "child_student_earnings": list(h.child_student_earnings),
        "health_premiums": h.health_premiums,
        "show_medi_cal_soc": h.medi_cal_soc,
        "assets": h.assets,
        "age": h.age,
        "medicare": h.medicare,
        "ssi_ended": h.ssi_ended,
        "pickle_disregard": h.pickle_disregard,
        "month": h.month,
        "year": year,
    }


class FigureJson(Mapping[str, Any]):
    """A figure as JSON-ready values, read-only. A figure is the same object for every row a
    rates file serves, and its JSON the bulk of a row's steps, so each is made once per figure
    and language (``figure_dict``) and its compact text once too (``compact``)."""

    __slots__ = ("_body", "compact")

    def __init__(self, body: dict[str, Any]) -> None:
        self._body = body
        self.compact: str | None = None

    def __getitem__(self, key: str) -> Any:
        return self._body[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._body)

    def __len__(self) -> int:
        return len(self._body)

    def __repr__(self) -> str:
        return f"FigureJson({self._body!r})"


# Each entry holds its figure, so no id is reused while the entry lives.
_FIGURE_JSON: dict[tuple[int, str], tuple[Figure, FigureJson]] = {}


def figure_dict(f: Figure) -> FigureJson:
    """A figure as JSON-ready values (read-only; made once per figure and language)."""
    key = (id(f), language())
    found = _FIGURE_JSON.get(key)
    if found is not None:
        return found[1]
    if len(_FIGURE_JSON) > 10_000:  # a long-lived process that loads rates again and again
        _FIGURE_JSON.clear()
    body = FigureJson(_figure_dict(f))
    _FIGURE_JSON[key] = (f, body)
    return body


def _figure_dict(f: Figure) -> dict[str, Any]:
    body: dict[str, Any] = {
        "key": f.key,
        "label": label_text(f),
        "value": f.value,
        "unit": f.unit,
        "status": f.status,
        "sources": [{"title": s.title, "url": s.url} for s in f.sources],
    }
    if f.note:
        body["note"] = f.note
    if f.parts:
        body["parts"] = [figure_dict(p) for p in f.parts]
    return body


def rates_ref(rates: Rates) -> dict[str, Any]:
    return {"year": rates.year, "file": rates.origin, "bundled": rates.bundled}


def medi_cal_dict(program: MediCalProgram | None) -> dict[str, Any] | None:
    """The kind of Medi-Cal given, as ``medi_cal`` in the JSON (soc's and batch's)."""
    if program is None:
        return None
    return {"code": program.code, "label": _(program.label),
            "no_share_of_cost": program.no_share_of_cost, "source": program.source}  # fmt: skip


def wdp_dict(wdp: WdpCheck | None) -> dict[str, Any] | None:
    if wdp is None:
        return None
    return {
        "monthly_limit": wdp.monthly_limit.value,
        "disability_income": wdp.disability_income,
        "countable_income": wdp.countable_income,
        "likely_eligible": wdp.likely_eligible,
        "limit": figure_dict(wdp.monthly_limit),
    }


def result_dict(
    result: Result, *, steps: bool = True, warnings: list[str] | None = None
) -> dict[str, Any]:
    """The JSON object for one result: the contract ``ihss soc --json`` and batch share."""
    h = result.household
    c = result.countable
    body: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "inputs": inputs_dict(h, result.rates.year),
        "household": h.kind,
        "countable_unearned_income": c.countable_unearned,
        "countable_earned_income": c.countable_earned,
        "total_countable_income": c.total,
        "payment_level": result.payment_level.value,
        "above_payment_level": result.above_level,
        "computed_share_of_cost": result.computed_share_of_cost,
        "share_of_cost": result.share_of_cost,
        "medi_cal": medi_cal_dict(result.medi_cal),
        "rates": rates_ref(result.rates),
    }
    body["max_earned_without_soc"] = result.max_earned_without_soc
    body["wdp"] = wdp_dict(result.wdp)
    t = result.threshold_1619b
    body["threshold_1619b"] = None if t is None else {
        "yearly_earnings": t.yearly_earnings,
        "threshold": t.threshold.value,
        "below": t.below,
        "figure": figure_dict(t.threshold),
    }  # fmt: skip
    body["deeming"] = deeming_dict(result)
    body["medi_cal_share_of_cost"] = medi_cal_share_dict(result.medi_cal_share)
    body["assets"] = assets_dict(result.assets)
    body["programs"] = programs_list(result.programs)
    body["placement"] = placement_dict(result.placement)
    body["placement_share_of_cost"] = result.placement.share_of_cost
    body["screened_month"] = result.household.month
    body["caution"] = result.caution
    if steps:
        body["steps"] = steps_list(result.steps)
    body["notes"] = list(result.notes)
    body["summary"] = summary(result)
    body["warnings"] = list(warnings or [])
    return body


def programs_list(screens: Sequence[Screen]) -> list[dict[str, Any]]:
    """Each Medi-Cal program screened (docs/rules.md §12), in the county's order."""
    return [
        {
            "program": s.program,
            "label": _(PROGRAM_LABELS[s.program]),
            "status": s.status,
            "reason": s.reason,
            "figures": [
                {"what": c.what, "value": c.value,
                 "figure": None if c.figure is None else figure_dict(c.figure)}
                for c in s.figures
            ],
            "needs": list(s.needs),
            "notes": list(s.notes),
            "rule": s.rule,
        }
        for s in screens
    ]  # fmt: skip


def placement_dict(p: Placement) -> dict[str, Any]:
    """Where the person would likely be placed, and the IHSS share of cost there."""
    return {
        "program": p.program,
        "label": _(PROGRAM_LABELS.get(p.program) or MEDI_CAL[p.program].label),
        "share_of_cost": p.share_of_cost,
        "given": p.given,
    }


def steps_list(steps: Sequence[Step]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "label": s.label,
            "amount": s.amount,
            "rule": s.rule,
            "source": s.source,
            "figures": [figure_dict(f) for f in s.figures],
        }
        for s in steps
    ]


def computation_dict(c: Computation) -> dict[str, Any]:
    return {
        "household": c.kind,
        "countable_unearned_income": c.countable.countable_unearned,
        "countable_earned_income": c.countable.countable_earned,
        "total_countable_income": c.countable.total,
        "payment_level": c.level.value,
        "above_payment_level": c.above,
        "share_of_cost": c.share,
    }


def deeming_dict(result: Result) -> dict[str, Any] | None:
    """Deeming from a spouse who is not aged, blind or disabled (docs/rules.md §8), or None."""
    d = result.deeming
    if d is None:
        return None
    deemed = result.deemed
    return {
        "spouse_earned": d.spouse_earned,
        "spouse_ihss_wages": d.spouse_ihss_wages,
        "spouse_earned_counted": d.spouse_earned_counted,
        "spouse_unearned": d.spouse_unearned,
        "children": d.children,
        "child_incomes": list(d.child_incomes),
        "child_student_earnings": list(d.student_earnings),
        "student_earnings_excluded": list(d.student_excluded),
        "allocation_amount": d.allocation.value,
        "allocations_by_child": list(d.allocations),
        "child_allocations": d.child_allocations,
        "allocations_from_unearned": d.from_unearned,
        "allocations_from_earned": d.from_earned,
        "spouse_unearned_left": d.unearned_left,
        "spouse_earned_left": d.earned_left,
        "spouse_income_left": d.income_left,
        "deemed": d.deemed,
        "own": computation_dict(result.own),
        "with_spouse": None if deemed is None else computation_dict(deemed),
        "decided_by": "with_spouse" if result.decisive is deemed else "own",
        "allocation": figure_dict(d.allocation),
        "student_exclusion": None
        if d.student_exclusion is None
        else figure_dict(d.student_exclusion),
    }


def medi_cal_share_dict(m: MediCalShare | None) -> dict[str, Any] | None:
    """The Medi-Cal share of cost beside the IHSS one (docs/rules.md §9), or None."""
    if m is None:
        return None
    return {
        "countable_income": m.countable_income,
        "health_premiums": m.health_premiums,
        "net_nonexempt_income": m.net_nonexempt_income,
        "rounded_income": m.rounded_income,
        "maintenance_need": m.maintenance_need.value,
        "share_of_cost": m.share_of_cost,
        "ihss_share_of_cost": m.ihss_share_of_cost,
        "buy_out": m.buy_out,
        "steps": steps_list(m.steps),
        "notes": list(m.notes),
    }


def assets_dict(a: AssetCheck | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "assets": a.assets,
        "persons": a.persons,
        "limit": a.limit,
        "applies": a.applies,
        "over_limit": a.over_limit,
        "figures": [figure_dict(f) for f in a.figures],
        "note": a.note,
    }
