"""Who is asking: the household, its Medi-Cal, and the combinations the rules refuse."""

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import date

from ihss_calc.amounts import MAX_AMOUNT, ZERO, money_display
from ihss_calc.i18n import N_, _, ngettext

SCHEMA_VERSION = 2  # 2: child_income (one total) became child_incomes (one per child)

# A sanity bound on --children, not a rule: no real household comes near it.
MAX_CHILDREN = 30
# A sanity bound on --age, likewise.
MAX_AGE = 130
# Why SSI cash stopped, for someone who got it once (the programs screen, docs/rules.md §12).
SSI_ENDED = ("earnings", "other", "childs-benefits", "widows-benefits")
# The month screened when none is given for a year that is not this one (docs/rules.md §12:
# the poverty-level limits of a year are in force from April).
DEFAULT_MONTH = 4


class MediCalProgram(NamedTuple):
    code: str
    label: str
    no_share_of_cost: bool
    source: str
    # Whether the non-MAGI asset limit (docs/rules.md §9) applies to this kind of Medi-Cal:
    # MAGI has none, SSI-linked Medi-Cal (and 1619(b)) keeps SSI's own.
    asset_test: bool = True


MEDI_CAL: dict[str, MediCalProgram] = {
    p.code: p
    for p in (
        MediCalProgram(
            "ssi",
            N_("SSI-linked Medi-Cal"),
            True,
            "DB101 IHSS page, What You Pay",
            asset_test=False,
        ),
        MediCalProgram(
            "magi",
            N_('income-based (MAGI, "expansion") Medi-Cal'),
            True,
            "DB101 IHSS page, What You Pay",
            asset_test=False,
        ),
        MediCalProgram(
            "1619b", N_("Medi-Cal through SSI 1619(b)"), True, "DB101 IHSS page", asset_test=False
        ),
        MediCalProgram(
            "wdp",
            N_("Medi-Cal's Working Disabled Program (WDP)"),
            True,
            "DB101 IHSS page; DHCS WDP",
        ),
        MediCalProgram(
            "ad-fpl",
            N_("the Aged & Disabled Federal Poverty Level program"),
            True,
            "Disability Rights California, IHSS Nuts & Bolts ch. 6; CANHR A&D FPL fact sheet",
        ),
        MediCalProgram(
            "pickle",
            N_("the Pickle program"),
            True,
            "Disability Rights California, IHSS Nuts & Bolts ch. 6",
        ),
        MediCalProgram(
            "medically-needy",
            N_("medically needy (share-of-cost) Medi-Cal"),
            False,
            "DB101 IHSS page, What You Pay",
        ),
        MediCalProgram("none", N_("no Medi-Cal"), False, "DB101 IHSS page, What You Pay"),
    )
}
FREE_WITH = tuple(p for p in MEDI_CAL.values() if p.no_share_of_cost)

# Translated where shown: _(HOUSEHOLD_LABELS[kind]).
HOUSEHOLD_LABELS = {
    "individual": N_("individual"),
    "couple": N_("couple"),
    "blind_individual": N_("blind individual"),
    "couple_one_blind": N_("couple, one blind"),
    "couple_both_blind": N_("couple, both blind"),
}

NOT_MODELED = N_(
    "Not modeled: living anywhere but your own home with cooking facilities; income deemed "
    "from parents to a disabled child (SOC 294C)."
)


class InputProblem(ValueError):
    """Inputs the rules cannot take. ``field`` is the input's name (``bwe``, ``spouse_blind``).

    ``message`` may name other inputs as ``{name}`` (``{couple}``), listed in ``names``;
    ``text(name_of)`` writes them as the caller spells inputs (``--couple`` on the command
    line, ``couple`` in batch).
    """

    def __init__(self, field: str, message: str, names: tuple[str, ...] = ()) -> None:
        self.field = field
        self.message = message
        self.names = names
        super().__init__(f"{field}: {self.text(str)}")

    def text(self, name_of: Callable[[str], str]) -> str:
        text = self.message
        for name in self.names:
            text = text.replace("{" + name + "}", name_of(name))
        return text


class Household(NamedTuple):
    """Who is asking and their monthly income. Amounts are Decimal dollars, 0 or more."""

    unearned: Decimal = ZERO
    earned: Decimal = ZERO
    irwe: Decimal = ZERO
    bwe: Decimal = ZERO
    couple: bool = False
    blind: bool = False
    spouse_blind: bool = False
    medi_cal: str | None = None
    disability_income: Decimal = ZERO  # the part of unearned that is disability benefits (WDP)
    # A spouse who is not aged, blind or disabled (docs/rules.md §8): present when either is given.
    spouse_earned: Decimal | None = None
    spouse_unearned: Decimal | None = None
    spouse_ihss_wages: Decimal = ZERO  # part of spouse_earned: IHSS wages for the recipient
    children: int = 0  # ineligible children in the household
    # Each child's own income, in order (docs/rules.md §8 step 3); a child not given has none.
    child_incomes: tuple[Decimal, ...] = ()
    # Each child's earnings as a student under 22, in order: up to the student earned income
    # exclusion they do not reduce that child's allocation (POMS SI 01320.185).
    child_student_earnings: tuple[Decimal, ...] = ()
    # The Medi-Cal share of cost (docs/rules.md §9).
    health_premiums: Decimal = ZERO
    medi_cal_soc: bool = False  # show it even without medically needy Medi-Cal
    assets: Decimal | None = None  # countable assets; None: not given
    # Which Medi-Cal (docs/rules.md §12): what the programs screen needs beyond income.
    age: int | None = None  # None: not given
    medicare: bool = False  # has Medicare Part A or B
    ssi_ended: str | None = None  # got SSI cash once, and why it stopped (SSI_ENDED)
    pickle_disregard: Decimal | None = None  # the monthly amount the county disregards
    month: int = DEFAULT_MONTH  # the month screened, 1-12, of the rates' year

    @property
    def kind(self) -> str:
        """The payment level that applies: one of ``rates.HOUSEHOLD_KINDS``."""
        if not self.couple:
            return "blind_individual" if self.blind else "individual"
        blind_count = self.blind + self.spouse_blind
        return ("couple", "couple_one_blind", "couple_both_blind")[blind_count]

    @property
    def ineligible_spouse(self) -> bool:
        """Married to, and living with, a spouse who is not aged, blind or disabled."""
        return self.spouse_earned is not None or self.spouse_unearned is not None

    @property
    def deemed_kind(self) -> str:
        """The couple level deeming sets income against: one blind member if the recipient is."""
        return "couple_one_blind" if self.blind else "couple"

    @property
    def program(self) -> MediCalProgram | None:
        return MEDI_CAL.get(self.medi_cal) if self.medi_cal else None

    @property
    def free(self) -> bool:
        """A kind of Medi-Cal that means no IHSS share of cost."""
        program = self.program
        return program is not None and program.no_share_of_cost

    @property
    def persons(self) -> int:
        """People in the household for the Medi-Cal asset limit: the recipient, a spouse of
        either kind, and the ineligible children given."""
        return 1 + (self.couple or self.ineligible_spouse) + self.children


AMOUNT_FIELDS = ("unearned", "earned", "irwe", "bwe", "disability_income", "spouse_earned",
                 "spouse_unearned", "spouse_ihss_wages", "health_premiums", "assets",
                 "pickle_disregard")  # fmt: skip
CHILD_FIELDS = ("child_incomes", "child_student_earnings")  # an amount per child


def _amount_problem(amount: Decimal) -> str | None:
    if not amount.is_finite() or amount < 0:
        return _("{amount} is not an amount of 0 or more").format(amount=amount)
    if amount > MAX_AMOUNT:
        return _("{amount} is more than {most}").format(
            amount=amount, most=money_display(MAX_AMOUNT)
        )
    return None


def check_household(household: Household) -> None:
    """Raise ``InputProblem`` for inputs the rules do not allow (docs/rules.md §1.3, §8, §9)."""
    h = household
    for name in AMOUNT_FIELDS:
        amount: Decimal | None = getattr(h, name)
        problem = None if amount is None else _amount_problem(amount)
        if problem:
            raise InputProblem(name, problem)
    for name in CHILD_FIELDS:
        for each in getattr(h, name):
            problem = _amount_problem(each)
            if problem:
                raise InputProblem(name, problem)
    if h.disability_income > h.unearned:
        raise InputProblem(
            "disability_income",
            _(
                "{disability} is more than the unearned income, {unearned}: disability "
                "benefits are part of it"
            ).format(
                disability=money_display(h.disability_income), unearned=money_display(h.unearned)
            ),
        )
    if h.spouse_blind and not h.couple:
        raise InputProblem(
            "spouse_blind", _("a blind spouse needs a couple, and the household is not a couple")
        )
    if h.bwe and not (h.blind or h.spouse_blind):
        raise InputProblem(
            "bwe",
            _(
                "blind work expenses (BWE) are for blind people, and no one in the household "
                "is marked blind (POMS SI 00820.535)"
            ),
        )
    if h.irwe and h.kind in ("blind_individual", "couple_both_blind"):
        raise InputProblem(
            "irwe",
            _(
                "impairment-related work expenses (IRWE) are for people who are not blind; "
                "a blind person's work expenses are BWE (POMS SI 00820.540)"
            ),
        )
    if h.medi_cal is not None and h.medi_cal not in MEDI_CAL:
        why = _("{value} is not one of {codes}").format(
            value=repr(h.medi_cal), codes=", ".join(MEDI_CAL)
        )
        raise InputProblem("medi_cal", why)
    _check_spouse(h)
    _check_screen(h)
    if h.medi_cal_soc and h.free:
        raise InputProblem(
            "medi_cal_soc",
            _("with {program} there is no Medi-Cal share of cost to show").format(
                program=_(h.program.label) if h.program else ""
            ),
        )


def _check_spouse(h: Household) -> None:
    """docs/rules.md §8's inputs: a spouse who is not aged, blind or disabled, and children."""
    for name in CHILD_FIELDS:
        given_for = len(getattr(h, name))
        if given_for and not h.children:
            raise InputProblem(name, _("a child's amount needs {children}"), ("children",))
        if given_for > h.children:
            why = ngettext(
                "{given} amounts for {n} child ({children}): give one per child, in order, or "
                "fewer (a child not given has none)",
                "{given} amounts for {n} children ({children}): give one per child, in order, "
                "or fewer (a child not given has none)",
                h.children,
            ).format(given=given_for, n=h.children, children="{children}")
            raise InputProblem(name, why, ("children",))
    if h.ineligible_spouse and h.couple:
        field = "spouse_earned" if h.spouse_earned is not None else "spouse_unearned"
        raise InputProblem(
            field,
            _(
                "a spouse who is not aged, blind or disabled does not go with {couple}, which "
                "is for a spouse who is: give one or the other"
            ),
            ("couple",),
        )
    if not h.ineligible_spouse:
        given = {"spouse_ihss_wages": h.spouse_ihss_wages, "children": h.children,
                 "child_incomes": any(h.child_incomes),
                 "child_student_earnings": any(h.child_student_earnings)}  # fmt: skip
        for name, value in given.items():
            if value:
                raise InputProblem(
                    name,
                    _(
                        "this is for a household with a spouse who is not aged, blind or "
                        "disabled: give {spouse_earned} or {spouse_unearned} too (0 for none)"
                    ),
                    ("spouse_earned", "spouse_unearned"),
                )
    if h.spouse_ihss_wages > (h.spouse_earned or ZERO):
        raise InputProblem(
            "spouse_ihss_wages",
            _(
                "{wages} is more than the spouse's earnings, {earnings}: IHSS wages are part "
                "of them"
            ).format(
                wages=money_display(h.spouse_ihss_wages),
                earnings=money_display(h.spouse_earned or ZERO),
            ),
        )
    if not 0 <= h.children <= MAX_CHILDREN:
        raise InputProblem(
            "children",
            _("{n} is not a number of children from 0 to {most}").format(
                n=h.children, most=MAX_CHILDREN
            ),
        )


def _check_screen(h: Household) -> None:
    """The programs screen's inputs (docs/rules.md §12)."""
    if h.age is not None and not 0 <= h.age <= MAX_AGE:
        why = _("{n} is not an age from 0 to {most}").format(n=h.age, most=MAX_AGE)
        raise InputProblem("age", why)
    if not 1 <= h.month <= 12:
        raise InputProblem("month", _("{n} is not a month from 1 to 12").format(n=h.month))
    if h.ssi_ended is not None and h.ssi_ended not in SSI_ENDED:
        why = _("{value} is not one of {codes}").format(
            value=repr(h.ssi_ended), codes=", ".join(SSI_ENDED)
        )
        raise InputProblem("ssi_ended", why)
    if h.pickle_disregard is not None and h.pickle_disregard > h.unearned:
        raise InputProblem(
            "pickle_disregard",
            _(
                "{disregard} is more than the unearned income, {unearned}: the amount "
                "disregarded is part of your Social Security"
            ).format(
                disregard=money_display(h.pickle_disregard), unearned=money_display(h.unearned)
            ),
        )


def screened_month(month: int | None, year: int, today_: "date") -> int:
    """The month screened: as given; else this month when the rates are this year's; else
    April, when a year's poverty-level limits are in force (docs/rules.md §12)."""
    if month is not None:
        return month
    return today_.month if year == today_.year else DEFAULT_MONTH
