"""``ihss whatif --chart``: the share of cost and what you keep against earnings, as an SVG or
PNG picture, with the thresholds marked. matplotlib is imported here and nowhere else, so
only this path pays for it; it draws offline, with the fonts it ships."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ihss_calc.amounts import money_display
from ihss_calc.i18n import _
from ihss_calc.rules import HOUSEHOLD_LABELS
from ihss_calc.rules.whatif import WhatIf


def write_chart(answer: WhatIf, path: Path) -> None:
    """Draw ``answer`` to ``path``; its suffix, .svg or .png, picks the format."""
    import matplotlib

    matplotlib.use("Agg")  # no screen needed
    matplotlib.rcParams["svg.hashsalt"] = "ihss"  # the same input draws the same file
    import numpy as np  # matplotlib's own dependency
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter

    def drawn(values: list[Decimal | None]) -> Any:
        """Positions on the page, worked out from the exact amounts: pixels, not money (a
        gap where there is none)."""
        return np.asarray([np.nan if v is None else v for v in values], dtype=np.float64)

    points = answer.points
    earned = drawn([p.earned for p in points])
    figure, axes = plt.subplots(figsize=(8, 4.8), dpi=120)
    try:
        axes.plot(earned, drawn([p.kept for p in points]), color="#1b7837", linewidth=2,
                  label=_("What you keep (earnings + unearned − share of cost)"))  # fmt: skip
        axes.plot(earned, drawn([p.share_of_cost for p in points]), color="#b2182b", linewidth=2,
                  label=_("Share of cost"))  # fmt: skip
        if any(p.placement_share_of_cost != p.share_of_cost for p in points):
            axes.plot(earned, drawn([p.placement_share_of_cost for p in points]),
                      color="#b2182b", linestyle="--", linewidth=1.5,
                      label=_("Share of cost on the likely Medi-Cal program"))  # fmt: skip
        _thresholds(axes, answer)
        money = FuncFormatter(lambda value, position: f"${value:,.0f}")
        axes.xaxis.set_major_formatter(money)
        axes.yaxis.set_major_formatter(money)
        axes.set_xlabel(_("Monthly earnings"))
        axes.set_ylabel(_("A month"))
        h = answer.household
        axes.set_title(
            _("What you keep: {household}, {year} rates, unearned ${unearned}").format(
                household=_(HOUSEHOLD_LABELS[h.kind]),
                year=answer.rates.year,
                unearned=money_display(h.unearned),
            ),
            fontsize=11,
        )
        axes.grid(alpha=0.3)
        axes.legend(fontsize=8, loc="upper left")
        figure.tight_layout()
        metadata: dict[str, Any] = {"Date": None} if path.suffix.lower() == ".svg" else {}
        figure.savefig(path, format=path.suffix.lower()[1:], metadata=metadata)
    finally:
        plt.close(figure)


def _thresholds(axes: Any, answer: WhatIf) -> None:
    """Dotted lines where the share of cost starts and where WDP's limit is crossed."""
    marks = []
    if answer.max_earned_without_soc is not None:
        value = answer.max_earned_without_soc
        label = _("share of cost starts above ${amount}").format(amount=money_display(value))
        marks.append((value, label, "#b2182b"))
    if answer.max_earned_under_wdp_limit is not None:
        value = answer.max_earned_under_wdp_limit
        label = _("over WDP's limit above ${amount}").format(amount=money_display(value))
        marks.append((value, label, "#2166ac"))
    low, high = answer.points[0].earned, answer.points[-1].earned
    for value, label, colour in marks:
        if low <= value <= high:
            axes.axvline(value, color=colour, linestyle=":", linewidth=1.2)
            axes.annotate(label, xy=(value, 0), xytext=(4, 8), textcoords="offset points",
                          rotation=90, fontsize=8, color=colour, va="bottom")  # fmt: skip
