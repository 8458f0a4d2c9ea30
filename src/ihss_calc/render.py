"""Tables for people. The only module that imports rich, and only the table paths import it.

The Console is made here, inside the command, so rich sees the real stdout: no colour or
escape codes when stdout is not a terminal or when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, TextIO, TypeVar, cast

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ihss_calc.amounts import money_display
from ihss_calc.answer import answer_lines
from ihss_calc.i18n import N_, _
from ihss_calc.rates import origin_text
from ihss_calc.rules import HOUSEHOLD_LABELS, PROGRAM_LABELS, Result, SaidInTheAnswer, Step
from ihss_calc.rules.screening import STATUS, month_name
from ihss_calc.stdout import write_in_chunks

# Deductions that are 0 say nothing in a table (the JSON keeps every step). Step ids of the
# two computations of deeming carry a prefix (own_, deemed_): the same rules apply.
_HIDDEN_WHEN_ZERO = {"general_exclusion_earned", "irwe", "bwe", "spouse_ihss_wages",
                     "child_allocations", "health_premiums"}  # fmt: skip
_TOTALS = {
    "countable_unearned_income",
    "countable_earned_income",
    "total_countable_income",
    "computed_share_of_cost",
    "share_of_cost",
    "medi_cal",
    "spouse_income_left",
    "buy_out",
}


INPUT = N_("input")  # a step's source when it is what was entered: "input" in the JSON


def _base_id(step_id: str) -> str:
    return step_id.removeprefix("own_").removeprefix("deemed_")


def plain_mode() -> bool:
    """Linear output (docs: README, "Output for a screen reader"): ``--plain``, IHSS_PLAIN=1,
    or a terminal that cannot draw (TERM=dumb)."""
    import click

    context = click.get_current_context(silent=True)
    if context is not None and context.find_root().meta.get("ihss.plain"):
        return True
    return (os.environ.get("IHSS_PLAIN", "") not in ("", "0")
            or os.environ.get("TERM") == "dumb")  # fmt: skip


def console() -> Console:
    """A console on stdout. rich alone drops colour for NO_COLOR but keeps bold and italic
    escapes; NO_COLOR here means no escape codes at all (https://no-color.org). Off a
    terminal, lines carry no trailing padding (see ``Plain``). In plain mode, a
    ``LinearConsole``: every table becomes lines a screen reader reads as sentences."""
    file = None if sys.stdout.isatty() else cast(IO[str], Plain(sys.stdout))
    if plain_mode():
        return LinearConsole(highlight=False, color_system=None, file=file)
    plain = bool(os.environ.get("NO_COLOR"))
    return Out(highlight=False, color_system=None if plain else "auto", file=file)


class Out(Console):
    """rich's console, except that a closed pipe is exit 141, quietly, like every command
    (rich's own answer is exit 1)."""

    def on_broken_pipe(self) -> None:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # not a real file (tests)
            pass
        raise SystemExit(141)


def _flat(renderable: object) -> str:
    """A cell or a heading as one line of words."""
    text = renderable.plain if isinstance(renderable, Text) else str(renderable or "")
    return " ".join(text.split())


class LinearTable(Table):
    """A rich Table that says how each of its rows reads as one sentence (``row_words``:
    the row's index and its cells' words); without it, a row reads "heading: value; …"."""

    row_words: Callable[[int, list[str]], str] | None = None


class LinearConsole(Out):
    """A console that prints each table as its title on a line, then one line per row: no box
    drawing, no bars, no colour, the same words as the table."""

    def print(self, *objects: Any, **options: Any) -> None:
        if not objects:
            super().print()
        for item in objects:
            if isinstance(item, Table):
                for line in linear_lines(item):
                    super().print(Text(line), soft_wrap=True)
            else:
                super().print(item, **options)


def linear_lines(table: Table) -> list[str]:
    """A table's title, each row as a sentence, and its caption."""
    lines = [_flat(table.title)] if table.title else []
    headings = [_flat(c.header) for c in table.columns]
    cells = [[_flat(cell) for cell in column.cells] for column in table.columns]
    words = getattr(table, "row_words", None)
    for i in range(table.row_count):
        row = [column[i] if i < len(column) else "" for column in cells]
        if words is not None:
            lines.append(words(i, row))
        else:
            lines.append("; ".join(f"{h}: {c}" if h else c for h, c in
                                   zip(headings, row, strict=True) if c))  # fmt: skip
    if table.caption:
        lines.append(_flat(table.caption))
    return lines


class Plain(io.TextIOBase):
    """A file for rich off a terminal: each line is written without the spaces rich pads it
    with, so a pipe or a file gets no trailing padding."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._rest = ""

    def write(self, text: str) -> int:
        lines = (self._rest + text).split("\n")
        self._rest = lines.pop()
        if lines:
            write_in_chunks(self._out, "".join(line.rstrip() + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._rest:
            self._out.write(self._rest.rstrip())
            self._rest = ""
        self._out.flush()


def soc(
    result: Result, out: Console | None = None, *, brief: bool = False, said: Sequence[str] = ()
) -> None:
    """The answer in plain words first; then the steps, the Medi-Cal share of cost beside the
    IHSS one, and the details (work incentives, notes). ``brief``: the answer only."""
    out = out or console()
    lines = answer_lines(result)
    out.print(Text(lines[0], style="bold"))
    for line in lines[1:]:
        out.print(Text(line))
    for line in said:  # how the earnings given became a month's
        out.print(Text(line, style="dim"))
    if brief:
        return
    out.print()
    h = result.household
    title = (
        _(
            "How it is worked out: {household}, {year} rates from {origin}, with a spouse who is "
            "not aged, blind or disabled"
        )
        if result.deeming is not None
        else _("How it is worked out: {household}, {year} rates from {origin}")
    ).format(
        household=_(HOUSEHOLD_LABELS[h.kind]),
        year=result.rates.year,
        origin=origin_text(result.rates),
    )
    out.print(steps_table(title, result.steps))
    mc = result.medi_cal_share
    if mc is not None:
        out.print(steps_table(_("Medi-Cal share of cost, beside the IHSS one"), mc.steps))
    for program in programs_lines(result):
        out.print(program)
    out.print(Text(_("Details:"), style="bold"))
    for line in work_lines(result):
        out.print(Text(f"- {line}"))
    for note in result.notes:
        if not isinstance(note, SaidInTheAnswer):
            out.print(Text(f"- {note}", style="dim"))


def titled_table(title: str, **options: Any) -> LinearTable:
    """A rich Table whose title is text as written, never console markup: a file name such
    as /tmp/[x]/rates.toml is shown as it is (and no markup parser runs at start-up). Column
    headers are given as ``Text`` for the same reason."""
    return LinearTable(title=Text(title, style="table.title"), title_justify="left", **options)


def money_words(amount: str) -> str:
    """An amount as a sentence says it: "$980.00", "−$20.00" (a minus sign, before the $)."""
    return f"−${amount[1:]}" if amount.startswith("-") else f"${amount}"


def _step_words(i: int, cells: list[str]) -> str:
    """ "Step 3: Countable unearned income, $980.00. Not below 0. POMS SI 00830.050." """
    rule = ". ".join(part[:1].upper() + part[1:] for part in cells[2].split(" · "))
    return _("Step {n}: {label}, {amount}. {rule}.").format(
        n=i + 1, label=cells[0], amount=money_words(cells[1]), rule=rule
    )


def steps_table(title: str, steps: Sequence[Step]) -> Table:
    """Steps as rows: label, amount, and the rule, source and status as detail."""
    table = titled_table(title, expand=False)
    table.row_words = _step_words
    table.add_column(Text(_("Step")), ratio=4)
    table.add_column(Text(_("Amount")), justify="right", no_wrap=True)
    table.add_column(Text(_("Rule · source · status")), ratio=6)
    for step in steps:
        base = _base_id(step.id)
        if base in _HIDDEN_WHEN_ZERO and not step.amount:
            continue
        style = "bold" if base in _TOTALS else ""
        rule = f"{step.rule} · {_(INPUT) if step.source == 'input' else step.source}"
        if step.figures:
            rule += f" · {_(step.figures[0].status)}"
        table.add_row(
            Text(step.label, style=style),
            Text(money_display(step.amount), style=style),
            Text(rule, style="" if style else "dim"),
        )
    return table


SSI_HISTORY = ("1619b", "pickle", "dac", "dw")  # the programs only an SSI history opens


def programs_lines(result: Result) -> list[Text]:
    """Which Medi-Cal: a title, then each program in the county's order, its status, why (or
    what it depends on) and its rule; the one the person would likely be placed in in bold.
    Lines, not a table: sentences this long read better whole, in a terminal or a screen
    reader, and cost rich no table layout at start-up."""
    h = result.household
    title = _("Which Medi-Cal: each program, in the county's order "
              "({month} {year})").format(month=month_name(h.month),
                                          year=result.rates.year)  # fmt: skip
    lines = [Text(title, style="table.title")]
    placed = result.placement.program
    # Without an SSI history the SSI group after SSI-linked is unlikely for one same reason:
    # one line, not four.
    history = h.ssi_ended is not None
    for screen in result.programs:
        if not history and screen.program in SSI_HISTORY and screen.program != placed:
            continue
        why = screen.reason
        if screen.needs:
            why += " " + _("It depends on: {needs}.").format(needs="; ".join(screen.needs))
        label = _(PROGRAM_LABELS[screen.program])
        if screen.program == placed:
            label = _("{program} (the likely one)").format(program=label)
        line = Text(f"- {label}: {_(STATUS[screen.status])}. ",
                    style="bold" if screen.program == placed else "")  # fmt: skip
        line.append(why)
        line.append(f" ({screen.rule})", style="dim")
        lines.append(line)
    if not history:
        lines.append(Text(_(
            "1619(b), Pickle, Disabled Adult Child and disabled widow(er)s are for people who "
            "once got SSI cash: give --ssi-ended to screen them."
        ), style="dim"))  # fmt: skip
    return lines


def work_lines(result: Result) -> list[str]:
    """The Working Disabled Program check and 1619(b), in words."""
    lines = []
    wdp = result.wdp
    if wdp is not None and result.household.earned:
        line = (
            _(
                "Working Disabled Program: countable income without disability income ${income} "
                "is under the limit ${limit} a month (250% of the poverty level, {status})."
            )
            if wdp.likely_eligible
            else _(
                "Working Disabled Program: countable income without disability income ${income} "
                "is not under the limit ${limit} a month (250% of the poverty level, {status})."
            )
        )
        lines.append(
            line.format(
                income=money_display(wdp.countable_income),
                limit=money_display(wdp.monthly_limit.value),
                status=_(wdp.monthly_limit.status),
            )
        )
    t = result.threshold_1619b
    if t is not None:
        line = (
            _(
                "1619(b), for information: yearly earnings ${earnings} are under California's "
                "threshold of ${threshold} ({status}); 1619(b) is for people whose earnings "
                "ended their SSI cash."
            )
            if t.below
            else _(
                "1619(b), for information: yearly earnings ${earnings} are not under "
                "California's threshold of ${threshold} ({status}); 1619(b) is for people whose "
                "earnings ended their SSI cash."
            )
        )
        lines.append(
            line.format(
                earnings=money_display(t.yearly_earnings),
                threshold=money_display(t.threshold.value),
                status=_(t.threshold.status),
            )
        )
    return lines


T = TypeVar("T")


def batch_progress(lines: Iterator[T], total: int | None, done: Callable[[], int]) -> Iterator[T]:
    """Pass the input's ``lines`` through, drawing a progress bar on stderr: bytes read of
    ``total``, or lines so far when the size is not known (standard input)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("{task.fields[lines]:,} lines"), BarColumn()]
    if total:
        columns.append(TimeRemainingColumn())
    # rich would route stdout through its display (redirect_stdout): results stay on stdout.
    progress = Progress(*columns, console=Console(stderr=True), transient=True,
                        redirect_stdout=False, redirect_stderr=False)  # fmt: skip
    with progress:
        task = progress.add_task("batch", total=total, lines=0)
        for count, line in enumerate(lines, start=1):
            if count % 4096 == 0:
                progress.update(task, completed=done(), lines=count)
            yield line
