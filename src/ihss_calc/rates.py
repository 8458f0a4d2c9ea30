"""Rates: the figures the rules use, each with its sources and status, and how to load them.

The rules core sees only the immutable records (NamedTuples) here. A rates file is TOML, read with
``parse_float=Decimal`` so no figure ever passes through float, and checked against
``ihss_calc.schema`` before it is used. The bundled files live in the package's ``data``
folder, one ``rates_YYYY.toml`` per year (found by os.path: the package is installed as files,
and importlib.resources and pathlib would cost every start-up more than the rest of this).
"""

import datetime as dt
import functools
import os
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

from ihss_calc import rates_cache
from ihss_calc.i18n import N_, _, ngettext, os_reason

HOUSEHOLD_KINDS = (
    "individual",
    "couple",
    "blind_individual",
    "couple_one_blind",
    "couple_both_blind",
)

# A figure's status, and a payment level's parts, as the tables say them: _(status).
STATUS_WORDS = (N_("verified"), N_("cross-checked"), N_("derived"), N_("federal"), N_("state"))

_FILE_NAME = re.compile(r"rates_(\d{4})\.toml")


class Source(NamedTuple):
    id: str
    title: str
    url: str


class Figure(NamedTuple):
    """One figure: where it sits in the file (``key``), what it is, its value and provenance."""

    key: str
    label: str
    value: Decimal
    unit: str
    status: str
    sources: tuple[Source, ...]
    note: str = ""
    parts: tuple["Figure", ...] = ()  # a payment level's federal and state parts


class Rounding(NamedTuple):
    """How the share of cost is rounded: to ``quantum.value`` with decimal's ``mode``."""

    quantum: Figure
    mode: str


class Rates(NamedTuple):
    year: int
    origin: str  # the file the figures came from, as a person would name it
    bundled: bool
    effective_from: dt.date
    effective_to: dt.date
    general_exclusion: Figure
    earned_exclusion: Figure
    earned_share_excluded: Figure
    payment_levels: Mapping[str, Figure]  # by household kind, HOUSEHOLD_KINDS
    rounding: Rounding
    deeming_allocation: Figure  # docs/rules.md §8: per ineligible child, and the deeming threshold
    maintenance_need: Mapping[str, Figure]  # docs/rules.md §9: one_person, two_adults
    medi_cal_rounding: Rounding  # net nonexempt income to the dollar (22 CCR 50653)
    wdp_income_limits: Mapping[str, Figure] = {}  # individual, couple
    thresholds_1619b: Mapping[str, Figure] = {}  # regular, blind
    asset_limit: Mapping[str, Figure] = {}  # first_person, each_additional
    hours: Mapping[str, Figure] = {}  # docs/rules.md §6, §10: schema.Hours
    # Which Medi-Cal (docs/rules.md §12): each limit in force from April 1, and the one in
    # force January to March (last April's); a limit not found is missing.
    ssi_resource_limit: Mapping[str, Figure] = {}  # individual, couple
    ad_fpl_limit: Mapping[str, Figure] = {}  # individual, couple
    ad_fpl_limit_before_april: Mapping[str, Figure] = {}
    ad_fpl_spouse_allowance: Figure | None = None
    magi_limit: Mapping[str, Figure] = {}  # individual (other sizes not found)
    magi_limit_before_april: Mapping[str, Figure] = {}
    wdp_income_limits_before_april: Mapping[str, Figure] = {}
    wdp_premium: Figure | None = None  # $0 ...
    wdp_premium_since: dt.date | None = None  # ... from this date
    # docs/rules.md §8: a student child's earnings up to this do not reduce the allocation.
    student_exclusion: Figure | None = None
    student_exclusion_yearly: Figure | None = None
    ssdi: Mapping[str, Figure] = {}  # docs/rules.md §13: trial_work, sga, sga_blind, if found

    def figures(self) -> list[Figure]:
        """Every figure, in the order a person would read them."""
        return [
            self.general_exclusion,
            self.earned_exclusion,
            self.earned_share_excluded,
            *(self.payment_levels[kind] for kind in HOUSEHOLD_KINDS),
            self.rounding.quantum,
            *self.wdp_income_limits.values(),
            *self.thresholds_1619b.values(),
            self.deeming_allocation,
            *((self.student_exclusion,) if self.student_exclusion else ()),
            *((self.student_exclusion_yearly,) if self.student_exclusion_yearly else ()),
            *self.maintenance_need.values(),
            self.medi_cal_rounding.quantum,
            *self.asset_limit.values(),
            *self.ssi_resource_limit.values(),
            *self.ad_fpl_limit.values(),
            *self.ad_fpl_limit_before_april.values(),
            *((self.ad_fpl_spouse_allowance,) if self.ad_fpl_spouse_allowance else ()),
            *self.magi_limit.values(),
            *self.magi_limit_before_april.values(),
            *self.wdp_income_limits_before_april.values(),
            *((self.wdp_premium,) if self.wdp_premium else ()),
            *self.ssdi.values(),
            *self.hours.values(),
        ]


class RatesError(Exception):
    """A rates file that cannot be used: every problem, located by file and key."""

    def __init__(self, origin: str, problems: list[tuple[str, str]]) -> None:
        self.origin = origin
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = ngettext("rates file {file} is not valid ({n} problem):",
                        "rates file {file} is not valid ({n} problems):", count)  # fmt: skip
        lines = (f"  {self.origin}: {key}: {why}" for key, why in self.problems)
        return "\n".join([head.format(file=self.origin, n=count), *lines])


def parse(text: str, origin: str, *, name: str = "", bundled: bool = False) -> Rates:
    """Check a rates document and build ``Rates`` from it; ``RatesError`` lists every problem.

    ``name`` is the file's name: a file called ``rates_YYYY.toml`` must hold year YYYY.
    """
    import tomllib  # here, not at start-up: a bundled file is usually read from the cache

    try:
        doc = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise RatesError(
            origin, [(_whole_file(), _("not valid TOML: {error}").format(error=exc))]
        ) from None
    except RecursionError:
        raise RatesError(
            origin, [(_whole_file(), _("not valid TOML: nested too deeply"))]
        ) from None
    except ValueError as exc:  # a number of thousands of digits, say
        why = _("not valid TOML: {error}").format(error=str(exc)[:120])
        raise RatesError(origin, [(_whole_file(), why)]) from None
    from ihss_calc import schema  # pydantic is imported only when a file is checked

    found = schema.problems(doc)
    named = _FILE_NAME.fullmatch(name)
    if named and type(doc.get("year")) is int and doc["year"] != int(named.group(1)):
        found.append(("year", _("is {year}, but the file is named {name}").format(
            year=doc["year"], name=name)))  # fmt: skip
    if found:
        raise RatesError(origin, found)
    return _build(doc, origin, bundled=bundled)


def load_file(path: "Path") -> Rates:
    """Load a rates file someone wrote (``--rates``, ``ihss rates --check``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        why = _("not UTF-8 text: {reason}").format(reason=exc.reason)
        raise RatesError(str(path), [(_whole_file(), why)]) from None
    except OSError as exc:
        why = _("cannot be read: {reason}").format(reason=os_reason(exc))
        raise RatesError(str(path), [(_whole_file(), why)]) from None
    return parse(text, str(path), name=path.name)


def bundled_folder() -> str:
    return os.path.join(os.path.dirname(__file__), "data")


def years_on_file(folder: str | None = None) -> dict[int, str]:
    """The bundled rates files by year: the path of every ``rates_YYYY.toml`` in the folder."""
    found = {}
    with os.scandir(folder or bundled_folder()) as entries:
        for entry in entries:
            match = _FILE_NAME.fullmatch(entry.name)
            if match and entry.is_file():
                found[int(match.group(1))] = entry.path
    return dict(sorted(found.items()))


def load_bundled(year: int, folder: str | None = None) -> Rates:
    """The rates shipped with ihss for ``year``; ``KeyError`` if there is no file for it.

    A bundled file is part of the package: the test suite checks every one against the schema
    (tests/test_rates_file.py), as ``ihss rates --check`` does. So it is built here without
    importing pydantic, which would cost more than the rest of a run's start-up. If a bundled
    file cannot be built, or holds a figure no valid file could, it is checked in full, and the
    problems are reported by key as for any other file.
    """
    path = years_on_file(folder)[year]
    with open(path, encoding="utf-8") as file:
        text = file.read()
    return _bundled(text, os.path.basename(path), year)


@functools.lru_cache(maxsize=32)  # Rates are frozen: the same text gives the same Rates
def _bundled(text: str, name: str, year: int) -> Rates:
    origin = f"bundled {name}"  # as the JSON names it; ``origin_text`` says it to a person
    doc = rates_cache.load(name, text)
    if doc is None:
        import tomllib

        try:
            doc = tomllib.loads(text, parse_float=Decimal)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            return parse(text, origin, name=name, bundled=True)  # says what is wrong
        rates_cache.store(name, text, doc)
    try:
        rates = _build(doc, origin, bundled=True)
    except (KeyError, TypeError, ValueError, ArithmeticError):
        rates = None
    if rates is None or rates.year != year or not _sound(rates):
        return parse(text, origin, name=name, bundled=True)
    return rates


def _sound(rates: Rates) -> bool:
    """The checks a wrong figure would slip past in ``_build``: every amount finite and not
    negative, and every payment level equal to its parts."""
    for figure in rates.figures():
        if not figure.value.is_finite() or figure.value < 0:
            return False
        if figure.parts and sum(p.value for p in figure.parts) != figure.value:
            return False
    return True


def default_year(today: dt.date, years: list[int]) -> int:
    """The latest year on file that is not after today's year (the earliest if all are)."""
    if not years:
        raise ValueError("no rates files on file")
    past = [year for year in years if year <= today.year]
    return max(past) if past else min(years)


def staleness(rates_year: int, today: dt.date, years: list[int]) -> str | None:
    """One line saying why these rates may not be the ones that apply today, or None."""
    now = today.year
    if rates_year == now:
        return None
    if rates_year > now:
        why = _("these are {year} rates, for a year that has not started (it is {now}).")
    elif now in years:
        why = _(
            "these are {year} rates, but it is {now}: ihss has {now} rates, used when --year "
            "and --rates are left out."
        )
    else:
        why = _(
            "these are {year} rates: ihss has no {now} rates yet, and payment levels change "
            "every January. Check for a newer ihss, or pass --rates with {now} figures."
        )
    return why.format(year=rates_year, now=now)


def origin_text(rates: Rates) -> str:
    """Where the figures came from, as a person reads it: "bundled rates_2026.toml" in the
    language chosen, or the file's path."""
    if rates.bundled:
        return _("bundled {name}").format(name=rates.origin.removeprefix("bundled "))
    return rates.origin


# A payment level's parts, labelled from the level's own label.
PART_LABELS = {"federal part": N_("{label}: federal part"), "state part": N_("{label}: state part")}


def label_text(figure: Figure) -> str:
    """A figure's label in the language chosen: the rates file's words, through the catalog
    (which holds every label of the bundled files); a label it lacks is shown as written."""
    base, sep, part = figure.label.rpartition(": ")
    if sep and part in PART_LABELS:
        return _(PART_LABELS[part]).format(label=_(base))
    return _(figure.label)


def _whole_file() -> str:
    return _("(file)")


def _build(doc: dict[str, Any], origin: str, *, bundled: bool) -> Rates:
    """Turn a checked document into ``Rates`` (the document is known to be valid)."""
    sources = {key: Source(key, s["title"], s["url"]) for key, s in doc["sources"].items()}

    def figure(key: str, body: dict[str, Any], label: str = "", unit: str = "") -> Figure:
        parts = tuple(
            figure(f"{key}.{name}", body[name], f"{body['label']}: {name} part", body["unit"])
            for name in ("federal", "state")
            if name in body
        )
        return Figure(
            key=key,
            label=body.get("label", label),
            value=Decimal(body["value"]),
            unit=body.get("unit", unit),
            status=body["status"],
            sources=tuple(sources[s] for s in body["sources"]),
            note=body.get("note", ""),
            parts=parts,
        )

    def group(prefix: str, table: dict[str, Any]) -> dict[str, Figure]:
        return {name: figure(f"{prefix}.{name}", body) for name, body in table.items()}

    exclusions = doc["exclusions"]
    rounding = doc["rounding"]
    incentives = doc.get("work_incentives", {})
    medi_cal = doc["medi_cal"]

    def rounding_rule(key: str, body: dict[str, Any]) -> Rounding:
        quantum = {**body, "value": body["quantum"], "unit": "USD"}
        return Rounding(quantum=figure(key, quantum), mode=body["mode"])

    programs = doc.get("programs", {})

    def pair(name: str) -> dict[str, Figure]:
        return group(f"programs.{name}", programs.get(name, {}))

    def deeming_figure(name: str) -> Figure | None:
        found = doc["deeming"].get(name)
        return None if found is None else figure(f"deeming.{name}", found)

    def single(name: str) -> Figure | None:
        return figure(f"programs.{name}", programs[name]) if name in programs else None

    return Rates(
        year=doc["year"],
        origin=origin,
        bundled=bundled,
        effective_from=doc["effective_from"],
        effective_to=doc["effective_to"],
        general_exclusion=figure("exclusions.general", exclusions["general"]),
        earned_exclusion=figure("exclusions.earned", exclusions["earned"]),
        earned_share_excluded=figure("exclusions.earned_share", exclusions["earned_share"]),
        payment_levels=group("payment_levels", doc["payment_levels"]),
        rounding=rounding_rule("rounding", rounding),
        deeming_allocation=figure("deeming.allocation", doc["deeming"]["allocation"]),
        maintenance_need=group("medi_cal.maintenance_need", medi_cal["maintenance_need"]),
        medi_cal_rounding=rounding_rule("medi_cal.rounding", medi_cal["rounding"]),
        asset_limit=group("medi_cal.asset_limit", medi_cal.get("asset_limit", {})),
        hours=group("hours", doc["hours"]),
        wdp_income_limits=group(
            "work_incentives.wdp_income_limit", incentives.get("wdp_income_limit", {})
        ),
        thresholds_1619b=group(
            "work_incentives.threshold_1619b", incentives.get("threshold_1619b", {})
        ),
        ssi_resource_limit=pair("ssi_resource_limit"),
        ad_fpl_limit=pair("ad_fpl_limit"),
        ad_fpl_limit_before_april=pair("ad_fpl_limit_before_april"),
        ad_fpl_spouse_allowance=single("ad_fpl_spouse_allowance"),
        magi_limit=pair("magi_limit"),
        magi_limit_before_april=pair("magi_limit_before_april"),
        wdp_income_limits_before_april=pair("wdp_limit_before_april"),
        wdp_premium=single("wdp_premium"),
        wdp_premium_since=programs["wdp_premium"]["since"] if "wdp_premium" in programs else None,
        student_exclusion=deeming_figure("student_exclusion"),
        student_exclusion_yearly=deeming_figure("student_exclusion_yearly"),
        ssdi=group("ssdi", doc.get("ssdi", {})),
    )
