"""The programs with a poverty-level limit, screened (docs/rules.md §12): MAGI, the Aged &
Disabled FPL program, the Working Disabled Program, and medically needy Medi-Cal (the share
of cost). Pure; every figure from ``Rates``, in force in the month screened."""

import datetime as dt
from decimal import Decimal

from ihss_calc.amounts import ZERO
from ihss_calc.i18n import _
from ihss_calc.rates import Rates
from ihss_calc.rules.countable import Computation, total_countable
from ihss_calc.rules.household import Household
from ihss_calc.rules.incentives import WDP_NOT_FOR_DEEMING, wdp_countable_income, wdp_limit
from ihss_calc.rules.screening import (
    LIKELY,
    NEW_LIMITS_MONTH,
    POSSIBLE,
    UNLIKELY,
    Compared,
    Screen,
    assets_assumed,
    in_force,
    limit_money,
    money,
    month_name,
    not_found,
    over_assets,
    when_text,
)

MAGI_RULE = "42 CFR 435.119; 26 USC 36B(d)(2)(B); DHCS ACWDL 26-01"
AD_FPL_RULE = "W&IC 14005.40; DHCS ACWDL 20-24; DHCS ACWDL 02-38"
WDP_RULE = "W&IC 14007.9; DHCS Working Disabled Program"
MN_RULE = "22 CCR 50653; CDSS SOC 294A"


def magi(h: Household, rates: Rates) -> Screen:
    """The adult group: 19 to 64, no Medicare, income (Social Security in full, earnings
    gross) at or below 138% of the poverty level for the household; no asset test."""
    if h.medicare:
        why = _("MAGI Medi-Cal is for people without Medicare, and you have Medicare.")
        return Screen("magi", UNLIKELY, why, MAGI_RULE)
    if h.age is not None and not 19 <= h.age <= 64:
        why = _("MAGI Medi-Cal is for people aged 19 to 64; you are {age}.").format(age=h.age)
        return Screen("magi", UNLIKELY, why, MAGI_RULE)
    needs = () if h.age is not None else (_("your age (19 to 64)"),)
    size = 1 + h.couple + h.ineligible_spouse + h.children
    if size > 1:
        why = _("The MAGI income limit for a household of {n} was not found.").format(n=size)
        need = _("the MAGI income limit for a household of {n} (not found)").format(n=size)
        return Screen("magi", POSSIBLE, why, MAGI_RULE, (), (*needs, need))
    limit = in_force(h, rates.magi_limit, rates.magi_limit_before_april).get("individual")
    income = h.unearned + h.earned
    compared: tuple[Compared, ...] = (Compared("magi_income", income),)
    if limit is None:
        need = not_found(h, rates.year, _("the MAGI income limit"))
        why = _("The MAGI income limit for {month} {year} was not found.")
        return Screen("magi", POSSIBLE, _why_month(why, h, rates), MAGI_RULE, compared,
                      (*needs, need))  # fmt: skip
    compared += (Compared("limit", limit.value, limit),)
    figures = {"income": money(income), "limit": limit_money(limit.value),
               "when": when_text(h, rates.year)}  # fmt: skip
    if income > limit.value:
        why = _("Your income for MAGI, {income} (Social Security counted in full), is over its "
                "limit of {limit} (138% of the poverty level, {when}).")  # fmt: skip
        return Screen("magi", UNLIKELY, why.format(**figures), MAGI_RULE, compared)
    why = _("Your income for MAGI, {income} (Social Security counted in full), is at or below "
            "its limit of {limit} (138% of the poverty level, {when}).")  # fmt: skip
    note = _("This takes it that you have no Medicare Part A or B, as you did not say you do.")
    return Screen("magi", POSSIBLE if needs else LIKELY, why.format(**figures), MAGI_RULE,
                  compared, needs, (note,))  # fmt: skip


def _why_month(why: str, h: Household, rates: Rates) -> str:
    return why.format(month=month_name(h.month), year=rates.year)


def ad_fpl(h: Household, rates: Rates, own: Computation) -> Screen:
    """Net countable income (SSI rules, less the health premiums paid) at or below 138% of
    the poverty level: alone, as a couple, or with a spouse who does not apply ($600 off)."""
    over = over_assets(h, rates, "ad-fpl")
    if over is not None:
        return over
    limits = in_force(h, rates.ad_fpl_limit, rates.ad_fpl_limit_before_april)
    limit = limits.get("couple" if h.couple else "individual")
    notes = _ad_fpl_notes(h, rates)
    if limit is None:
        why = _("The A&D FPL income limit for {month} {year} was not found.")
        need = not_found(h, rates.year, _("the A&D FPL income limit"))
        return Screen("ad-fpl", POSSIBLE, _why_month(why, h, rates), AD_FPL_RULE, (), (need,),
                      notes)  # fmt: skip
    countable = own.countable.total
    allowance = rates.ad_fpl_spouse_allowance
    compared = [Compared("countable_income", countable)]
    if h.health_premiums:
        compared.append(Compared("health_premiums", h.health_premiums))
    off = h.health_premiums
    if h.ineligible_spouse:
        if allowance is None:
            why = _("How A&D FPL counts a spouse who does not apply was not found for {year}.")
            need = _("the amount A&D FPL takes off for your spouse (not found)")
            return Screen("ad-fpl", POSSIBLE, why.format(year=rates.year), AD_FPL_RULE, (),
                          (need,), notes)  # fmt: skip
        spouse_earned = (h.spouse_earned or ZERO) - h.spouse_ihss_wages
        countable = total_countable(h.unearned + (h.spouse_unearned or ZERO),
                                    h.earned + spouse_earned, h.irwe, h.bwe, rates)  # fmt: skip
        compared[0] = Compared("countable_income_with_spouse", countable)
        compared.append(Compared("spouse_allowance", allowance.value, allowance))
        off += allowance.value
    income = countable - off if countable > off else ZERO
    compared += [Compared("income_for_program", income), Compared("limit", limit.value, limit)]
    figures = {"income": money(income), "limit": limit_money(limit.value),
               "when": when_text(h, rates.year)}  # fmt: skip
    notes += assets_assumed(h, rates)
    if income <= limit.value:
        why = (
            _("Your income for it with your spouse's added, {income}, is at or below its limit "
              "of {limit} (138% of the poverty level, {when}).")
            if h.ineligible_spouse
            else _("Your income for it, {income}, is at or below its limit of {limit} (138% of "
                   "the poverty level, {when}).")
        )  # fmt: skip
        return Screen("ad-fpl", LIKELY, why.format(**figures), AD_FPL_RULE, tuple(compared),
                      (), notes)  # fmt: skip
    if h.couple:
        why = _("Your income for it as a couple, {income}, is over the couple limit of {limit} "
                "({when}), but one of you may qualify alone.")  # fmt: skip
        need = _("the county's check of each of you alone")
        return Screen("ad-fpl", POSSIBLE, why.format(**figures), AD_FPL_RULE, tuple(compared),
                      (need,), notes)  # fmt: skip
    why = _("Your income for it, {income}, is over its limit of {limit} (138% of the poverty "
            "level, {when}).")  # fmt: skip
    if h.ineligible_spouse and h.children:
        need = _("how A&D FPL counts your children (not found)")
        return Screen("ad-fpl", POSSIBLE, why.format(**figures), AD_FPL_RULE, tuple(compared),
                      (need,), notes)  # fmt: skip
    return Screen("ad-fpl", UNLIKELY, why.format(**figures), AD_FPL_RULE, tuple(compared), (),
                  notes)  # fmt: skip


def _ad_fpl_notes(h: Household, rates: Rates) -> tuple[str, ...]:
    notes = []
    if h.month < NEW_LIMITS_MONTH and h.unearned:
        notes.append(_("From January to March the county leaves out January's Social Security "
                       "raise until April: if yours went up in January, your income for A&D FPL "
                       "is the amount before the raise."))  # fmt: skip
    if h.health_premiums and rates.year >= 2026:
        notes.append(_("The health premiums you pay, {premiums}, are taken off, Medicare Part B "
                       "included; whether DHCS still takes off Part B in 2026 was not "
                       "found.").format(premiums=money(h.health_premiums)))  # fmt: skip
    return tuple(notes)


def wdp(h: Household, rates: Rates) -> Screen:
    """Working; countable income without disability income under 250% of the poverty level;
    countable unearned income other than disability income below the SSI/SSP level."""
    if not h.earned:
        why = _("The Working Disabled Program is for people who work, and you have no earnings.")
        return Screen("wdp", UNLIKELY, why, WDP_RULE)
    if h.ineligible_spouse:
        need = _("how WDP counts your spouse's income (not found)")
        return Screen("wdp", POSSIBLE, _(WDP_NOT_FOR_DEEMING), WDP_RULE, (), (need,))
    over = over_assets(h, rates, "wdp")
    if over is not None:
        return over
    limit = wdp_limit(h, rates)
    notes = _wdp_notes(h, rates) + assets_assumed(h, rates)
    if limit is None:
        why = _("The Working Disabled Program's income limit for {month} {year} was not found.")
        need = not_found(h, rates.year, _("the Working Disabled Program's income limit"))
        return Screen("wdp", POSSIBLE, _why_month(why, h, rates), WDP_RULE, (), (need,), notes)
    income = wdp_countable_income(h, rates, h.earned)
    general = rates.general_exclusion.value
    other_unearned = h.unearned - h.disability_income
    other = other_unearned - general if other_unearned > general else ZERO
    level = rates.payment_levels[h.kind]
    compared = (Compared("countable_income_without_disability", income),
                Compared("limit", limit.value, limit),
                Compared("countable_unearned_other_than_disability", other),
                Compared("payment_level", level.value, level))  # fmt: skip
    figures = {"income": money(income), "limit": limit_money(limit.value), "other": money(other),
               "level": limit_money(level.value)}  # fmt: skip
    if income >= limit.value:
        why = _("Your countable income without disability income, {income}, is not under its "
                "limit of {limit} (250% of the poverty level).")  # fmt: skip
        return Screen("wdp", UNLIKELY, why.format(**figures), WDP_RULE, compared, (), notes)
    if other >= level.value:
        why = _("Your countable unearned income other than disability income, {other}, is not "
                "below the SSI/SSP payment level of {level}.")  # fmt: skip
        return Screen("wdp", UNLIKELY, why.format(**figures), WDP_RULE, compared, (), notes)
    why = _("You work, your countable income without disability income, {income}, is under its "
            "limit of {limit} (250% of the poverty level), and your other unearned income, "
            "{other}, is below the SSI/SSP payment level of {level}.")  # fmt: skip
    return Screen("wdp", LIKELY, why.format(**figures), WDP_RULE, compared, (), notes)


def _wdp_notes(h: Household, rates: Rates) -> tuple[str, ...]:
    second = _("The second test, unearned income other than disability income below the "
               "SSI/SSP payment level, is one secondary reading of \"eligible for SSI/SSP but "
               "for earnings\".")  # fmt: skip
    if no_premium(h, rates):
        return (second, _("WDP has no premium (since July 2022)."))
    return (second, _("Before July 2022 WDP had a monthly premium, by income, which is not "
                      "worked out here."))  # fmt: skip


def no_premium(h: Household, rates: Rates) -> bool:
    """Whether WDP has no premium in the month screened (from July 1, 2022)."""
    since = rates.wdp_premium_since
    return since is not None and dt.date(rates.year, h.month, 1) >= since


def medically_needy(h: Household, rates: Rates, share: Decimal) -> Screen:
    """Medi-Cal with a share of cost: no income limit; Medi-Cal's asset limit (2026 on)."""
    over = over_assets(h, rates, "medically-needy")
    if over is not None:
        return over
    why = _("Medically needy Medi-Cal has no income limit; on it you pay a share of cost for "
            "IHSS, {share} a month.").format(share=money(share))  # fmt: skip
    return Screen("medically-needy", LIKELY, why, MN_RULE, (Compared("share_of_cost", share),),
                  (), assets_assumed(h, rates))  # fmt: skip
