"""The SSI/SSP-linked group, screened (docs/rules.md §12): SSI-linked Medi-Cal, 1619(b),
Pickle, the Disabled Adult Child and disabled widow(er)s. Pure; every figure from ``Rates``."""

from decimal import Decimal

from ihss_calc.i18n import _
from ihss_calc.rates import Rates
from ihss_calc.rules.countable import Computation, total_countable
from ihss_calc.rules.household import Household
from ihss_calc.rules.screening import (
    LIKELY,
    POSSIBLE,
    UNLIKELY,
    Compared,
    Screen,
    limit_money,
    money,
    resource_limit,
)

SSI_RULE = "20 CFR 416.1205; 20 CFR 416.1100"
RULE_1619B = "SSA, Continued Medicaid Eligibility (Section 1619(b)); POMS SI 02302.200"
PICKLE_RULE = "42 CFR 435.135; DHCS form 7029 instructions"
DAC_RULE = "42 USC 1383c(c); Santa Clara County Medi-Cal handbook, Disabled Adult Child"
DW_RULE = "42 USC 1383c(b); LA DPSS ePolicy, disabled widow(er)s"


def _resources(h: Household, rates: Rates) -> tuple[str | None, tuple[Compared, ...], str]:
    """SSI's resource test: (UNLIKELY or POSSIBLE when it fails or cannot be made, else
    None), the figures compared, and a sentence for a failure or a ``needs`` entry."""
    limit = resource_limit(h, rates)
    if limit is None:
        return (
            POSSIBLE,
            (),
            _("SSI's resource limit for {year} (not found)").format(year=rates.year),
        )
    if h.assets is None:
        need = _("your countable resources (assets), at most {limit}").format(
            limit=limit_money(limit.value)
        )
        return POSSIBLE, (Compared("resource_limit", limit.value, limit),), need
    compared = (Compared("assets", h.assets), Compared("resource_limit", limit.value, limit))
    if h.assets > limit.value:
        why = _("Your resources, {assets}, are over SSI's limit of {limit}.").format(
            assets=money(h.assets), limit=limit_money(limit.value)
        )
        return UNLIKELY, compared, why
    return None, compared, ""


def ssi_linked(h: Household, rates: Rates, decisive: Computation) -> Screen:
    """Countable income below the SSI/SSP level, and resources within SSI's limit."""
    income, level = decisive.countable.total, decisive.level
    compared = (Compared("countable_income", income), Compared("payment_level", level.value, level))
    figures = {"income": money(income), "level": limit_money(level.value)}
    if income >= level.value:
        why = _("Your countable income, {income}, is not below the SSI/SSP payment level of "
                "{level}.")  # fmt: skip
        return Screen("ssi", UNLIKELY, why.format(**figures), SSI_RULE, compared)
    status, more, said = _resources(h, rates)
    if status == UNLIKELY:
        return Screen("ssi", UNLIKELY, said, SSI_RULE, compared + more)
    if status == POSSIBLE:
        why = _("Your countable income, {income}, is below the SSI/SSP payment level of "
                "{level}; SSI also has a resource limit.")  # fmt: skip
        return Screen("ssi", POSSIBLE, why.format(**figures), SSI_RULE, compared + more, (said,))
    why = _("Your countable income, {income}, is below the SSI/SSP payment level of {level}, "
            "and your resources are within SSI's limit.")  # fmt: skip
    return Screen("ssi", LIKELY, why.format(**figures), SSI_RULE, compared + more)


def section_1619b(h: Household, rates: Rates) -> Screen:
    """SSI cash ended by earnings, resources within SSI's limit, yearly gross earnings under
    California's threshold (over it, a threshold of one's own can apply: possible)."""
    if h.ssi_ended != "earnings":
        why = _("1619(b) is for people whose SSI cash stopped because of their earnings, and "
                "you did not say yours did.")  # fmt: skip
        return Screen("1619b", UNLIKELY, why, RULE_1619B)
    if not h.earned:
        why = _("1619(b) is for people who work, and you have no earnings.")
        return Screen("1619b", UNLIKELY, why, RULE_1619B)
    status, compared, said = _resources(h, rates)
    if status == UNLIKELY:
        return Screen("1619b", UNLIKELY, said, RULE_1619B, compared)
    needs = (said,) if status == POSSIBLE else ()
    threshold = rates.thresholds_1619b.get("blind" if h.blind else "regular")
    yearly = h.earned * 12
    if threshold is None:
        why = _("No 1619(b) threshold for {year} is on file, so your earnings are not checked.")
        need = _("California's 1619(b) threshold for {year} (not found)").format(year=rates.year)
        return Screen("1619b", POSSIBLE, why.format(year=rates.year), RULE_1619B, compared,
                      (*needs, need))  # fmt: skip
    compared += (Compared("yearly_earnings", yearly), Compared("threshold", threshold.value,
                                                                threshold))  # fmt: skip
    figures = {"yearly": money(yearly), "threshold": limit_money(threshold.value)}
    if yearly >= threshold.value:
        why = _("Your yearly earnings, {yearly}, are not under California's 1619(b) threshold "
                "of {threshold}, but Social Security can work out a higher threshold of your "
                "own.")  # fmt: skip
        need = _("a threshold of your own from Social Security (your medical and support costs)")
        return Screen("1619b", POSSIBLE, why.format(**figures), RULE_1619B, compared,
                      (*needs, need))  # fmt: skip
    why = _("Your SSI stopped because of your earnings, and your yearly earnings, {yearly}, "
            "are under California's 1619(b) threshold of {threshold}.")  # fmt: skip
    return Screen("1619b", POSSIBLE if needs else LIKELY, why.format(**figures), RULE_1619B,
                  compared, needs)  # fmt: skip


def _below_level_without(
    h: Household, rates: Rates, disregard: Decimal
) -> tuple[Decimal, Compared, Compared]:
    """Countable income (SSI rules) with ``disregard`` left out of the unearned income."""
    income = total_countable(h.unearned - disregard, h.earned, h.irwe, h.bwe, rates)
    level = rates.payment_levels[h.kind]
    return income, Compared("countable_income", income), Compared("payment_level", level.value,
                                                                   level)  # fmt: skip


def pickle(h: Household, rates: Rates) -> Screen:
    """Lost SSI/SSP while getting Social Security; would get it again with the Social
    Security raises since disregarded (the disregard is given: DHCS's factors were not found)."""
    if h.ssi_ended is None:
        why = _("Pickle is for people who got SSI/SSP and Social Security in the same month and "
                "then lost SSI/SSP, and you did not say you got SSI.")  # fmt: skip
        return Screen("pickle", UNLIKELY, why, PICKLE_RULE)
    if not h.unearned:
        why = _("Pickle is for people who get Social Security, and you have no unearned income.")
        return Screen("pickle", UNLIKELY, why, PICKLE_RULE)
    if h.pickle_disregard is None:
        why = _("Pickle disregards the Social Security raises since your SSI/SSP stopped, "
                "worked out from a DHCS factor table that was not found.")  # fmt: skip
        need = _("the amount the county disregards for Pickle")
        return Screen("pickle", POSSIBLE, why, PICKLE_RULE, (), (need,))
    income, *compared = _below_level_without(h, rates, h.pickle_disregard)
    figures = {"disregard": money(h.pickle_disregard), "income": money(income),
               "level": limit_money(compared[1].value)}  # fmt: skip
    given = (Compared("pickle_disregard", h.pickle_disregard), *compared)
    if income < compared[1].value:
        why = _("With {disregard} of Social Security disregarded, your countable income, "
                "{income}, is below the SSI/SSP payment level of {level}.")  # fmt: skip
        return Screen("pickle", LIKELY, why.format(**figures), PICKLE_RULE, given)
    why = _("Even with {disregard} of Social Security disregarded, your countable income, "
            "{income}, is not below the SSI/SSP payment level of {level}.")  # fmt: skip
    return Screen("pickle", UNLIKELY, why.format(**figures), PICKLE_RULE, given)


def disabled_adult_child(h: Household, rates: Rates) -> Screen:
    """SSI stopped because of Social Security child's benefits (given as disability income):
    18 or older, and the rest of the income below the SSI/SSP level."""
    if h.ssi_ended != "childs-benefits":
        why = _("This is for people whose SSI stopped because of Social Security child's "
                "benefits, and you did not say yours did.")  # fmt: skip
        return Screen("dac", UNLIKELY, why, DAC_RULE)
    if h.age is not None and h.age < 18:
        why = _("This is for people aged 18 or older; you are {age}.").format(age=h.age)
        return Screen("dac", UNLIKELY, why, DAC_RULE)
    needs = () if h.age is not None else (_("your age (18 or older)"),)
    if not h.disability_income:
        why = _("Your child's benefits are disregarded, and the rest of your income must be "
                "below the SSI/SSP payment level.")  # fmt: skip
        need = _("your Social Security child's benefits, given as disability income")
        return Screen("dac", POSSIBLE, why, DAC_RULE, (), (*needs, need))
    income, *compared = _below_level_without(h, rates, h.disability_income)
    figures = {"benefits": money(h.disability_income), "income": money(income),
               "level": limit_money(compared[1].value)}  # fmt: skip
    given = (Compared("childs_benefits", h.disability_income), *compared)
    if income < compared[1].value:
        why = _("With your child's benefits, {benefits}, disregarded, your countable income, "
                "{income}, is below the SSI/SSP payment level of {level}.")  # fmt: skip
        return Screen("dac", POSSIBLE if needs else LIKELY, why.format(**figures), DAC_RULE,
                      given, needs)  # fmt: skip
    why = _("Even with your child's benefits, {benefits}, disregarded, your countable income, "
            "{income}, is not below the SSI/SSP payment level of {level}.")  # fmt: skip
    return Screen("dac", UNLIKELY, why.format(**figures), DAC_RULE, given)


def disabled_widow(h: Household) -> Screen:
    """SSI lost because of widow(er)'s benefits: covered until Medicare Part A (possible)."""
    if h.ssi_ended != "widows-benefits":
        why = _("This is for people whose SSI stopped because of widow's or widower's benefits, "
                "and you did not say yours did.")  # fmt: skip
        return Screen("dw", UNLIKELY, why, DW_RULE)
    why = _("Your SSI stopped because of widow's or widower's benefits: Medi-Cal can go on "
            "until Medicare Part A starts, and the county checks the rest.")  # fmt: skip
    need = _("the county's check of your widow's or widower's benefits")
    return Screen("dw", POSSIBLE, why, DW_RULE, (), (need,))
