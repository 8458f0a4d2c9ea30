"""What a screen of one Medi-Cal program gives, and the helpers every screen uses
(docs/rules.md §12). A screen is not a determination: each program is ``likely``,
``possible`` (with what it depends on) or ``unlikely``, with its reason in one sentence."""

from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import money_display
from ihss_calc.i18n import N_, _
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.household import Household

LIKELY, POSSIBLE, UNLIKELY = "likely", "possible", "unlikely"
# A status as a person reads it: _(STATUS[status]).
STATUS = {LIKELY: N_("likely"), POSSIBLE: N_("possible"), UNLIKELY: N_("unlikely")}

# The months, as a sentence names them: _(MONTHS[month - 1]).
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))  # fmt: skip
# The month a year's poverty-level limits take effect (DHCS's yearly poverty-level letters).
NEW_LIMITS_MONTH = 4


class Compared(NamedTuple):
    """One amount a screen compared: the person's (``figure`` None) or a rates figure."""

    what: str  # income, limit, payment_level, assets, yearly_earnings, threshold, ...
    value: Decimal
    figure: Figure | None = None


class Screen(NamedTuple):
    program: str  # a code of placement.ORDER
    status: str  # LIKELY, POSSIBLE or UNLIKELY
    reason: str  # one plain sentence
    rule: str  # the rule and its sources, as a citation
    figures: tuple[Compared, ...] = ()
    needs: tuple[str, ...] = ()  # what a ``possible`` depends on
    notes: tuple[str, ...] = ()  # what was assumed, and open questions


def money(value: Decimal) -> str:
    """A person's amount as a sentence says it: $1,480.00."""
    return f"${money_display(value)}"


def limit_money(value: Decimal) -> str:
    """A figure of the rates file as a sentence says it: one published in whole dollars
    (written without cents in the file) as $1,836, any other as $1,233.94."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return f"${int(value):,}"
    return money(value)


def month_name(month: int) -> str:
    return _(MONTHS[month - 1])


def in_force(
    h: Household, from_april: Mapping[str, Figure], before_april: Mapping[str, Figure]
) -> Mapping[str, Figure]:
    """The limits in force in the month screened: last April's from January to March."""
    return from_april if h.month >= NEW_LIMITS_MONTH else before_april


def when_text(h: Household, year: int) -> str:
    """Since when a limit in force in the month screened applies."""
    if h.month >= NEW_LIMITS_MONTH:
        return _("from April {year}").format(year=year)
    return _("April {last} to March {year}").format(last=year - 1, year=year)


def not_found(h: Household, year: int, what: str) -> str:
    """A ``needs`` entry for a limit not found for the month screened."""
    return _("{what} in force in {month} {year} (not found)").format(
        what=what, month=month_name(h.month), year=year
    )


def two_people(h: Household) -> bool:
    """A couple, or a spouse who is not aged, blind or disabled: limits for two apply."""
    return h.couple or h.ineligible_spouse


def resource_limit(h: Household, rates: Rates) -> Figure | None:
    """SSI's resource limit for the household (docs/rules.md §12: $2,000, couple $3,000)."""
    return rates.ssi_resource_limit.get("couple" if two_people(h) else "individual")


def asset_limit(h: Household, rates: Rates) -> tuple[Decimal, tuple[Figure, ...]] | None:
    """Medi-Cal's non-MAGI asset limit for the household (2026 on), or None."""
    figures = rates.asset_limit
    if not figures:
        return None
    first, more = figures["first_person"], figures["each_additional"]
    return first.value + more.value * (h.persons - 1), (first, more)


def over_assets(h: Household, rates: Rates, code: str) -> Screen | None:
    """The screen of a program with Medi-Cal's asset limit when the assets given are over
    it (docs/rules.md §9, §12); None when they are not, or when there is no limit."""
    found = asset_limit(h, rates)
    if found is None or h.assets is None or h.assets <= found[0]:
        return None
    limit, figures = found
    reason = _("Your assets, {assets}, are over Medi-Cal's asset limit of {limit}.").format(
        assets=money(h.assets), limit=limit_money(limit)
    )
    compared = (
        Compared("assets", h.assets),
        *(Compared("asset_limit", f.value, f) for f in figures),
    )
    return Screen(code, UNLIKELY, reason, "DHCS ACWDL 25-14", compared)


def assets_assumed(h: Household, rates: Rates) -> tuple[str, ...]:
    """The note of a program with Medi-Cal's asset limit when no assets were given."""
    found = asset_limit(h, rates)
    if found is None or h.assets is not None:
        return ()
    note = _(
        "This assumes your countable assets are within Medi-Cal's asset limit of {limit}, as "
        "you did not give them."
    )
    return (note.format(limit=limit_money(found[0])),)
