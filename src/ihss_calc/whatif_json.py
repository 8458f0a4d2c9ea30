"""``ihss whatif --json``: each level of earnings, the cliffs, and the sentences the table
prints, as one JSON object."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ihss_calc.i18n import _
from ihss_calc.jsonout import figure_dict, inputs_dict, rates_ref
from ihss_calc.keep_words import LEAVES_OUT, cliff_sentence, compared, work_notes
from ihss_calc.rules import SCHEMA_VERSION
from ihss_calc.rules.keep import Cliff, Level
from ihss_calc.rules.whatif import Point, WhatIf


def whatif_dict(w: WhatIf, warnings: list[str]) -> dict[str, Any]:
    """The points, the cliffs, and where the share of cost and WDP's limit start."""
    h = w.household
    inputs = inputs_dict(h, w.rates.year)
    del inputs["earned"]
    limit = w.wdp_limit
    earned = {"from": w.earnings[0], "to": w.earnings[-1], "step": w.step,
              "points": len(w.earnings), "given_as": w.given_as or None,
              "levels": list(w.earnings) if w.step is None else None}  # fmt: skip
    work = {"ssdi": w.work.ssdi if w.work.ssdi else None, "twp_done": w.work.twp_done,
            "gets_ssi": w.work.gets_ssi}  # fmt: skip
    return {
        "schema_version": SCHEMA_VERSION,
        "inputs": {**inputs, **work, "earned": earned},
        "household": h.kind,
        "payment_level": w.rates.payment_levels[h.kind].value,
        "max_earned_without_soc": w.max_earned_without_soc,
        "wdp": None if limit is None else {
            "monthly_limit": limit.value,
            "max_earned_under_limit": w.max_earned_under_wdp_limit,
            "limit": figure_dict(limit),
        },
        "ssdi_figures": {k: figure_dict(f) for k, f in w.rates.ssdi.items()} or None,
        "points": [_point(p, w.by_hours) for p in w.points],
        "cliffs": [_cliff(w, c) for c in w.cliffs],
        "compared": compared(w),
        "notes": [*work_notes(w), _(LEAVES_OUT)],
        "rates": rates_ref(w.rates),
        "warnings": warnings,
    }  # fmt: skip


def _point(p: Point, by_hours: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"earned": p.earned}
    if by_hours:
        body["hours"] = p.hours
    body.update({
        "countable_unearned_income": p.countable_unearned_income,
        "countable_earned_income": p.countable_earned_income,
        "total_countable_income": p.total_countable_income,
        "payment_level": p.payment_level,
        "above_payment_level": p.above_payment_level,
        "computed_share_of_cost": p.computed_share_of_cost,
        "share_of_cost": p.share_of_cost,
        "wdp_countable_income": p.wdp_countable_income,
        "wdp_likely_eligible": p.wdp_likely_eligible,
        "share_of_cost_with_wdp": p.share_of_cost_with_wdp,
        "unearned": p.unearned,
        "ssdi": p.ssdi,
        "ssi_ssp_payment": p.ssi_ssp,
        "kept": p.kept,
        "placement": {"program": p.placement, "share_of_cost": p.placement_share_of_cost},
    })  # fmt: skip
    return body


def _cliff(w: WhatIf, c: Cliff) -> dict[str, Any]:
    """``before`` and ``after``: what jumps (SSDI, SSI/SSP cash, or the share of cost you pay
    where placed), at ``earned`` (the last cent before the change) and at the next level."""
    at, after = c.at, c.after

    def amount(level: Level) -> Decimal | None:
        if c.kind == "ssdi":
            return level.ssdi
        if c.kind == "ssi_ssp":
            return level.ssi_ssp
        pays = level.placement.share_of_cost
        return level.share_of_cost if pays is None else pays

    return {
        "earned": at.earned,
        "kind": c.kind,
        "before": amount(at),
        "after": amount(after),
        "next_earned": after.earned,
        "kept_before": at.kept,
        "kept_after": after.kept,
        "program_before": at.placement.program,
        "program_after": after.placement.program,
        "sentence": cliff_sentence(w, c),
    }
