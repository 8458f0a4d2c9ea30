"""``ihss whatif --chart``: what you keep, the share of cost, SSDI and SSI/SSP against earnings
(or hours a week), as an SVG or PNG picture, with each cliff marked and said in words.

The SVG keeps its text as text (a screen reader and a search find it), and carries a
``<title>`` and a ``<desc>`` that say what the chart shows, the cliffs and their amounts;
the PNG carries the same words as its Title and Description. The legend and the notes sit
below the plot, where no line crosses them. matplotlib is imported here and nowhere else, so
only this path pays for it; it draws offline, with the fonts it ships."""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import Any

from ihss_calc.amounts import money_display
from ihss_calc.i18n import _
from ihss_calc.keep_words import LEAVES_OUT, cliff_lines, compared
from ihss_calc.rules import HOUSEHOLD_LABELS
from ihss_calc.rules.whatif import WhatIf


def chart_title(answer: WhatIf) -> str:
    h = answer.household
    return _("What you keep: {household}, {year} rates, unearned ${unearned}").format(
        household=_(HOUSEHOLD_LABELS[h.kind]),
        year=answer.rates.year,
        unearned=money_display(h.unearned),
    )


def chart_description(answer: WhatIf) -> str:
    """The chart in words: what is drawn, over which earnings, the cliffs, what is left out."""
    low, high = answer.points[0], answer.points[-1]
    words = [
        _(
            "Lines of what you keep a month, and of the share of cost, at earnings from "
            "${low} to ${high} a month: you keep ${kept_low} at the first and ${kept_high} at "
            "the last."
        ).format(
            low=money_display(low.earned),
            high=money_display(high.earned),
            kept_low=money_display(low.kept),
            kept_high=money_display(high.kept),
        ),
        *compared(answer),
        *cliff_lines(answer),
    ]
    if not answer.cliffs:
        words.append(_("Nothing jumps between these levels of earnings."))
    words.append(_(LEAVES_OUT))
    return " ".join(words)


def write_chart(answer: WhatIf, path: Path) -> None:
    """Draw ``answer`` to ``path``; its suffix, .svg or .png, picks the format."""
    import matplotlib

    matplotlib.use("Agg")  # no screen needed
    matplotlib.rcParams["svg.hashsalt"] = "ihss"  # the same input draws the same file
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text, not outlines
    matplotlib.rcParams["text.parse_math"] = False  # "$1,690" is money, not mathematics
    import numpy as np  # matplotlib's own dependency
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter

    def drawn(values: list[Decimal | None]) -> Any:
        """Positions on the page, worked out from the exact amounts: pixels, not money (a
        gap where there is none)."""
        return np.asarray([np.nan if v is None else v for v in values], dtype=np.float64)

    hours = answer.by_hours
    rows = _rows(answer)
    x = drawn([r[0] for r in rows])

    def column(i: int) -> Any:
        return drawn([r[i] for r in rows])

    figure, axes = plt.subplots(figsize=(8, 5.8), dpi=120)
    try:
        kept = _("What you keep (earnings + unearned + SSI/SSP − share of cost)")
        axes.plot(x, column(1), color="#1b7837", linewidth=2.2, label=kept)
        axes.plot(x, column(2), color="#b2182b", linewidth=1.5, label=_("Share of cost"))
        if any(r[3] != r[2] for r in rows):
            axes.plot(x, column(3), color="#b2182b", linestyle="--", linewidth=1.5,
                      label=_("Share of cost on the likely Medi-Cal program"))  # fmt: skip
        if answer.work.ssdi:
            axes.plot(x, column(4), color="#762a83", linewidth=1.5, label=_("SSDI"))
        if answer.work.gets_ssi:
            axes.plot(x, column(5), color="#e08214", linewidth=1.5, label=_("SSI/SSP cash"))
        keys = _marks(axes, answer)
        money = FuncFormatter(lambda value, position: f"${value:,.0f}")
        if not hours:
            axes.xaxis.set_major_formatter(money)
        axes.yaxis.set_major_formatter(money)
        axes.set_xlabel(_("Hours a week") if hours else _("Monthly earnings"))
        axes.set_ylabel(_("A month"))
        axes.set_title(chart_title(answer), fontsize=11, pad=16)
        axes.grid(alpha=0.3)
        axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2,
                    frameon=False)  # fmt: skip
        notes = [*keys, _(LEAVES_OUT)]
        figure.text(0.01, 0.01, "\n".join(notes), fontsize=7, color="#333333", va="bottom")
        figure.tight_layout(rect=(0, 0.02 + 0.025 * len(notes), 1, 1))
        suffix = path.suffix.lower()
        if suffix == ".svg":
            figure.savefig(path, format="svg", metadata={"Date": None})
            _describe_svg(path, chart_title(answer), chart_description(answer))
        else:
            words = {"Title": chart_title(answer), "Description": chart_description(answer)}
            figure.savefig(path, format="png", metadata=words)
    finally:
        plt.close(figure)


def _describe_svg(path: Path, title: str, description: str) -> None:
    """Give the SVG a ``<title>`` and a ``<desc>`` as its first children, and name them as
    its accessible name and description (role="img")."""
    text = path.read_text(encoding="utf-8")
    start = text.index("<svg")
    end = text.index(">", start)
    head = text[start:end]
    opened = (f'{head} role="img" aria-labelledby="chart-title" '
              f'aria-describedby="chart-desc">')  # fmt: skip
    words = (f'\n <title id="chart-title">{html.escape(title)}</title>'
             f'\n <desc id="chart-desc">{html.escape(description)}</desc>')  # fmt: skip
    path.write_text(text[:start] + opened + words + text[end + 1 :], encoding="utf-8")


Row = tuple[Decimal | None, Decimal, Decimal, Decimal | None, Decimal | None, Decimal | None]


def _rows(answer: WhatIf) -> list[Row]:
    """x (earnings or hours), kept, share, share where placed, SSDI, SSI/SSP: each level of
    the sweep, and, on an earnings axis, the last cent before each cliff, so that a cliff is
    drawn as the drop it is rather than a slope between two levels."""
    rows: list[Row] = [
        (p.hours if answer.by_hours else p.earned, p.kept, p.share_of_cost,
         p.placement_share_of_cost, p.ssdi, p.ssi_ssp)
        for p in answer.points
    ]  # fmt: skip
    if not answer.by_hours:
        free = answer.household.free
        for cliff in answer.cliffs:
            v = cliff.at
            share = Decimal(0) if free else v.share_of_cost
            rows.append((v.earned, v.kept, share, v.placement.share_of_cost, v.ssdi, v.ssi_ssp))
        rows.sort(key=lambda r: r[0] or Decimal(0))
    return rows


def _marks(axes: Any, answer: WhatIf) -> list[str]:
    """Dotted lines where the share of cost starts, where WDP's limit is crossed, and at each
    cliff, each numbered above the plot, where no line crosses the number; the numbers' words
    are returned for the notes under the chart (hours sweeps: at the hours of the first level
    past each)."""
    marks = []
    if answer.max_earned_without_soc is not None:
        value = answer.max_earned_without_soc
        label = _("share of cost starts above ${amount}").format(amount=money_display(value))
        marks.append((value, label))
    if answer.max_earned_under_wdp_limit is not None:
        value = answer.max_earned_under_wdp_limit
        label = _("over WDP's limit above ${amount}").format(amount=money_display(value))
        marks.append((value, label))
    words = {"ssdi": _("SSDI stops above ${amount}"), "ssi_ssp": _("SSI/SSP ends above ${amount}"),
             "program": _("likely Medi-Cal changes above ${amount}")}  # fmt: skip
    for cliff in answer.cliffs:
        marks.append((cliff.at.earned, words[cliff.kind].format(
            amount=money_display(cliff.at.earned))))  # fmt: skip
    if answer.by_hours:  # an earnings mark goes where the hours swept reach it
        placed = []
        for value, label in marks:
            past = next((p for p in answer.points if p.earned > value), None)
            if past is not None and past.hours is not None:
                placed.append((past.hours, label))
        marks = placed
    first, last = answer.points[0], answer.points[-1]
    low = first.hours if answer.by_hours else first.earned
    high = last.hours if answer.by_hours else last.earned
    at: dict[Decimal, list[str]] = {}  # marks at one place share one number
    for value, label in marks:
        if low is not None and high is not None and low <= value <= high:
            at.setdefault(value, []).append(label)
    keys = []
    for number, (value, labels) in enumerate(sorted(at.items()), start=1):
        axes.axvline(value, color="#555555", linestyle=":", linewidth=1.2)
        axes.annotate(str(number), xy=(value, 1), xycoords=("data", "axes fraction"),
                      xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                      fontsize=8, color="#333333")  # fmt: skip
        keys.append(f"{number}: {'; '.join(labels)}")
    return keys
