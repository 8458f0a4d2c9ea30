"""``ihss whatif`` in words: each cliff in one plain sentence, "now … with …" for levels given
as a list, and what "you keep" leaves out. The table, the JSON and the chart say the same
sentences; the figures come from the sweep (``rules.whatif``)."""

from __future__ import annotations

from decimal import Decimal

from ihss_calc.amounts import money_display
from ihss_calc.answer import SHORT
from ihss_calc.i18n import N_, _
from ihss_calc.rules.keep import Cliff, sga
from ihss_calc.rules.whatif import WhatIf

LEAVES_OUT = N_(
    "What you keep leaves out taxes, CalFresh, housing help and Medicare premiums beyond those "
    "given."
)


def dollars(amount: Decimal) -> str:
    return f"${money_display(amount)}"


def _difference(kept_at: Decimal, kept_after: Decimal, at: Decimal, after: Decimal) -> str:
    """ "you keep $X less at $B than at $A", or more, or the same."""
    figures = {"amount": dollars(abs(kept_after - kept_at)), "after": dollars(after),
               "at": dollars(at)}  # fmt: skip
    if kept_after < kept_at:
        return _("you keep {amount} less at {after} than at {at}").format(**figures)
    if kept_after > kept_at:
        return _("you keep {amount} more at {after} than at {at}").format(**figures)
    return _("you keep the same at {after} as at {at}").format(**figures)


def cliff_sentence(w: WhatIf, cliff: Cliff) -> str:
    """One cliff, in one sentence."""
    at, after = cliff.at, cliff.after
    change = _difference(at.kept, after.kept, at.earned, after.earned)
    if cliff.kind != "program" and at.placement.program != after.placement.program:
        change = _("the likely Medi-Cal becomes {now}; {change}").format(
            now=_(SHORT[after.placement.program]), change=change
        )
    if cliff.kind == "ssdi":
        limit = sga(w.household, w.rates)
        return _(
            "Above {at} a month your SSDI of {ssdi} stops (earnings less IRWE over SGA, "
            "{sga}, after the trial work period): {change}."
        ).format(at=dollars(at.earned), ssdi=dollars(at.ssdi or Decimal(0)),
                 sga=dollars(limit.value) if limit else "", change=change)  # fmt: skip
    if cliff.kind == "ssi_ssp":
        return _(
            "Above {at} a month your SSI/SSP cash reaches $0 (it falls 50 cents for each dollar "
            "earned past the $20 and $65); 1619(b) may keep your Medi-Cal: {change}."
        ).format(at=dollars(at.earned), change=change)
    pays = after.placement.share_of_cost
    return _(
        "Above {at} a month the likely Medi-Cal changes from {before} to {now}, where you pay "
        "{pays} a month: {change}."
    ).format(
        at=dollars(at.earned),
        before=_(SHORT[at.placement.program]),
        now=_(SHORT[after.placement.program]),
        pays=dollars(after.share_of_cost if pays is None else pays),
        change=change,
    )


def cliff_lines(w: WhatIf) -> list[str]:
    """A sentence for each cliff; a change of program at the same cent as SSDI stopping or
    SSI/SSP ending is said in that sentence, not again."""
    said = {c.at.earned for c in w.cliffs if c.kind != "program"}
    return [cliff_sentence(w, c) for c in w.cliffs
            if c.kind != "program" or c.at.earned not in said]  # fmt: skip


def compared(w: WhatIf) -> list[str]:
    """For levels given as a list: now (the first) against each of the others."""
    if w.step is not None or len(w.points) < 2:
        return []
    now = w.points[0]
    lines = []
    for p in w.points[1:]:
        gap = p.kept - now.kept
        how = (_("{amount} more") if gap > 0 else _("{amount} less") if gap < 0
               else _("the same")).format(amount=dollars(abs(gap)))  # fmt: skip
        if now.earned:
            line = _("Now, earning {now_earned} a month, you keep {now_kept}; with {earned} a "
                     "month you keep {kept}, {how}.")  # fmt: skip
        else:
            line = _("Now you keep {now_kept}; with {earned} a month you keep {kept}, {how}.")
        figures = {"now_earned": dollars(now.earned), "now_kept": dollars(now.kept),
                   "earned": dollars(p.earned), "kept": dollars(p.kept), "how": how}  # fmt: skip
        lines.append(line.format(**figures))
    return lines


def work_notes(w: WhatIf) -> list[str]:
    """SSDI's trial work period when it is not said to be used up; SGA not on file."""
    work, notes = w.work, list[str]()
    if not work.ssdi:
        return notes
    limit = sga(w.household, w.rates)
    twp = w.rates.ssdi.get("trial_work")
    if limit is None:
        notes.append(_("No SGA amount is on file for {year}: SSDI is shown as paid at every "
                       "level.").format(year=w.rates.year))  # fmt: skip
    elif not work.twp_done:
        notes.append(
            (
                _(
                    "SSDI is shown paid in full: during the trial work period any earnings keep "
                    "the check. A month with earnings over {twp} counts toward it; after 9 such "
                    "months (in a rolling 60), a month with earnings over SGA, {sga}, pays no "
                    "SSDI. Give --twp-done to see that."
                )
                if twp
                else _(
                    "SSDI is shown paid in full: during the trial work period (9 months, in a "
                    "rolling 60) any earnings keep the check; after it, a month with earnings "
                    "over SGA, {sga}, pays no SSDI. Give --twp-done to see that."
                )
            ).format(twp=dollars(twp.value) if twp else "", sga=dollars(limit.value))
        )
    else:
        notes.append(
            _(
                "After the trial work period, the first months over SGA still pay SSDI (a "
                "three-month grace period); the table shows a month after it."
            )
        )
    return notes
