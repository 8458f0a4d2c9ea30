"""The what-if table: share of cost, on the likely Medi-Cal, and what you keep, by earnings."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from decimal import Decimal

from rich.console import Console
from rich.text import Text

from ihss_calc.amounts import ZERO, money_display
from ihss_calc.answer import SHORT
from ihss_calc.i18n import N_, _
from ihss_calc.render import LinearConsole, console, titled_table
from ihss_calc.rules import HOUSEHOLD_LABELS
from ihss_calc.rules.whatif import Point, WhatIf

NARROW = 60  # columns: below this, no borders and no bars
# The likely program, as short as a marker beside a bar can be.
MARKED = {**SHORT, "wdp": "WDP", "medically-needy": N_("medically needy")}
CLIFF_MARKS = {"ssdi": N_("◀ SSDI stops"), "ssi_ssp": N_("◀ SSI/SSP ends")}


def _columns(answer: WhatIf) -> list[tuple[str, Callable[[Point], Decimal | None]]]:
    """The table's columns: earnings (and hours), the shares, SSDI and SSI/SSP when given,
    what you keep."""
    columns: list[tuple[str, Callable[[Point], Decimal | None]]] = []
    if answer.by_hours:
        columns.append((N_("Hours a week"), lambda p: p.hours))
    columns.append((N_("Earned"), lambda p: p.earned))
    columns += [(N_("Share"), lambda p: p.share_of_cost),
                (N_("With the likely program"), lambda p: p.placement_share_of_cost)]  # fmt: skip
    if answer.work.ssdi:
        columns.append((N_("SSDI"), lambda p: p.ssdi))
    if answer.work.gets_ssi:
        columns.append((N_("SSI/SSP"), lambda p: p.ssi_ssp))
    columns.append((N_("You keep"), lambda p: p.kept))
    return columns


def whatif(answer: WhatIf, out: Console | None = None) -> None:
    """A row per earnings level: the share of cost, the share on the likely program, SSDI and
    SSI/SSP when given, what you keep, drawn as a bar, marked where something changes; then
    the cliffs and the exact thresholds in words."""
    out = out or console()
    h = answer.household
    columns = _columns(answer)
    top = max((p.kept for p in answer.points), default=ZERO)
    top = top if top > 0 else Decimal(1)
    rows = []
    before = None  # the point before, to mark where things change within the sweep
    for p in answer.points:
        markers: list[str] = []
        if before is not None and p.share_of_cost and not before.share_of_cost:
            markers.append(_("◀ share starts"))
        if before is not None and p.wdp_likely_eligible is False and before.wdp_likely_eligible:
            markers.append(_("◀ over WDP limit"))
        for cliff in answer.cliffs:
            if cliff.after.earned == p.earned and cliff.kind in CLIFF_MARKS:
                markers.append(_(CLIFF_MARKS[cliff.kind]))
        if before is None or p.placement != before.placement:  # where it starts, and changes
            markers.append(_("◀ likely: {program}").format(program=_(MARKED[p.placement])))
        before = p
        values = []
        for _name, value in columns:
            amount = value(p)
            values.append("—" if amount is None else (
                str(amount) if _name == "Hours a week" else money_display(amount)))  # fmt: skip
        fraction = p.kept / top if p.kept > 0 else ZERO
        rows.append((values, fraction, ", ".join(markers)))
    names = [_(name) for name, _value in columns]
    # The bar takes what the amounts, the markers and the borders leave, 4 to 20 wide;
    # where even 4 do not fit (a narrow terminal, longer words), no borders and no bars.
    # A heading wraps to the width of its amounts (at least a word's, 8), so no amount is cut.
    headings = ["\n".join(textwrap.wrap(name, width=max(8, *(len(r[0][i]) for r in rows))))
                for i, name in enumerate(names)]  # fmt: skip
    widths = [max(*map(len, n.split("\n")), *(len(r[0][i]) for r in rows))
              for i, n in enumerate(headings)]  # fmt: skip
    marked = max((len(r[2]) for r in rows), default=0)
    borders = 3 * (len(headings) + 1) + 1
    room = out.width - sum(widths) - marked - borders - 3
    narrow = out.width < NARROW or room < 4 or isinstance(out, LinearConsole)
    bar = max(4, min(20, room))
    table = titled_table(
        _(
            "What you keep, by monthly earnings: {household}, {year} rates, unearned ${unearned}"
        ).format(
            household=_(HOUSEHOLD_LABELS[h.kind]),
            year=answer.rates.year,
            unearned=money_display(h.unearned),
        ),
        **({"box": None, "padding": (0, 0, 0, 1)} if narrow else {}),
    )
    for heading in headings:
        table.add_column(Text(heading, justify="right"), justify="right", no_wrap=True)
    if not narrow:
        table.add_column(Text(_("You keep, drawn")), no_wrap=True, overflow="crop")
    changes = []
    earned_at = 1 if answer.by_hours else 0  # the Earned column
    for values, fraction, markers_text in rows:
        filled = int(fraction * bar)
        drawn = Text("█" * filled + ("▏" if fraction and not filled else ""), style="cyan")
        drawn.append(" " * (bar - len(drawn.plain) + 1) + markers_text, style="bold")
        table.add_row(*(Text(v) for v in values), *(() if narrow else (drawn,)))
        if markers_text:
            changes.append(
                _("{markers} at {earned}").format(markers=markers_text, earned=values[earned_at])
            )
    out.print(table)
    if narrow:  # no room for the bars: where things change, under the table
        linear = isinstance(out, LinearConsole)  # words, not an arrow, for a screen reader
        for change in changes:
            out.print(Text(change.replace("◀ ", "") if linear else change, style="bold"))
    for line in whatif_lines(answer):
        out.print(Text(line))


def whatif_lines(answer: WhatIf) -> list[str]:
    """Now against the job (levels listed), each cliff in a sentence, the exact thresholds,
    and what the columns mean, in words."""
    from ihss_calc.keep_words import LEAVES_OUT, cliff_lines, compared, work_notes

    h = answer.household
    lines = compared(answer)
    lines += cliff_lines(answer)
    if answer.given_as:
        lines.append(_("Monthly earnings: {how}.").format(how=answer.given_as))
    if answer.max_earned_without_soc is not None:
        lines.append(
            _("The share of cost starts above ${amount} a month of earnings.").format(
                amount=money_display(answer.max_earned_without_soc)
            )
        )
    elif not h.free:
        lines.append(_("There is a share of cost even with no earnings."))
    if h.medi_cal and answer.points and not any(p.share_of_cost for p in answer.points):
        lines.append(
            _("No share of cost at any of these earnings with --medi-cal {code}.").format(
                code=h.medi_cal
            )
        )
    if answer.wdp_limit is not None and answer.max_earned_under_wdp_limit is not None:
        lines.append(
            _(
                "Working Disabled Program: countable income (without disability income) stays "
                "under its limit of ${limit} a month up to ${earned} of earnings."
            ).format(
                limit=money_display(answer.wdp_limit.value),
                earned=money_display(answer.max_earned_under_wdp_limit),
            )
        )
    lines += work_notes(answer)
    lines.append(
        _(
            "With the likely program: the share of cost on the Medi-Cal each level of earnings "
            "likely fits ($0 on a program without a share of cost; see ihss soc for why)."
        )
    )
    lines.append(
        _(
            "You keep: earnings + unearned income + SSI/SSP − the share of cost on the likely "
            "program, a month."
        )
    )
    lines.append(_(LEAVES_OUT))
    return lines
