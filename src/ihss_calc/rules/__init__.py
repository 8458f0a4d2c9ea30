"""The rules: pure functions over Decimal, no I/O, no click, no rich. One module a family:

- ``household``: who is asking, their Medi-Cal, and the combinations the rules refuse;
- ``countable``: countable income and the share above a payment level (docs/rules.md §1);
- ``deeming``: a spouse who is not aged, blind or disabled (§8);
- ``medi_cal``: the Medi-Cal share of cost, the state buy-out and assets (§9);
- ``incentives``: headroom, the Working Disabled Program, 1619(b) (§5);
- ``whatif``: the sweep over earnings, imported only by whatif's paths (not from here);
- ``screening``, ``ssi_group``, ``fpl_programs``, ``placement``: which Medi-Cal, each program
  screened and the likely one (§12);
- ``share``: the share of cost with every step that led to it (§1–§2).

The command line, the renderers and batch work import from here.
"""

from ihss_calc.rules.countable import (
    Computation,
    Countable,
    above_and_share,
    countable_amounts,
    countable_income,
    exclusions,
    share_above,
    total_countable,
)
from ihss_calc.rules.deeming import Deeming, deem
from ihss_calc.rules.household import (
    DEFAULT_MONTH,
    FREE_WITH,
    HOUSEHOLD_LABELS,
    MAX_AGE,
    MAX_CHILDREN,
    MEDI_CAL,
    NOT_MODELED,
    SCHEMA_VERSION,
    SSI_ENDED,
    Household,
    InputProblem,
    MediCalProgram,
    check_household,
    screened_month,
)
from ihss_calc.rules.incentives import (
    Threshold1619b,
    WdpCheck,
    largest_cents,
    max_earned_under_wdp_limit,
    max_earned_without_soc,
    share_at_earnings,
    threshold_1619b,
    wdp_check,
    wdp_countable_income,
    wdp_limit,
)
from ihss_calc.rules.medi_cal import AssetCheck, MediCalShare, asset_check, medi_cal_share
from ihss_calc.rules.placement import (
    ORDER,
    PROGRAM_LABELS,
    SCREEN_NOTE,
    Placement,
    could_pay_nothing,
)
from ihss_calc.rules.screening import LIKELY, POSSIBLE, UNLIKELY, Compared, Screen
from ihss_calc.rules.share import Result, SaidInTheAnswer, share_of_cost
from ihss_calc.rules.steps import Step

__all__ = [
    "DEFAULT_MONTH",
    "FREE_WITH",
    "HOUSEHOLD_LABELS",
    "LIKELY",
    "MAX_AGE",
    "MAX_CHILDREN",
    "MEDI_CAL",
    "NOT_MODELED",
    "ORDER",
    "POSSIBLE",
    "PROGRAM_LABELS",
    "SCHEMA_VERSION",
    "SCREEN_NOTE",
    "SSI_ENDED",
    "UNLIKELY",
    "AssetCheck",
    "Compared",
    "Computation",
    "Countable",
    "Deeming",
    "Household",
    "InputProblem",
    "MediCalProgram",
    "MediCalShare",
    "Placement",
    "Result",
    "SaidInTheAnswer",
    "Screen",
    "Step",
    "Threshold1619b",
    "WdpCheck",
    "above_and_share",
    "asset_check",
    "check_household",
    "could_pay_nothing",
    "countable_amounts",
    "countable_income",
    "deem",
    "exclusions",
    "largest_cents",
    "max_earned_under_wdp_limit",
    "max_earned_without_soc",
    "medi_cal_share",
    "screened_month",
    "share_above",
    "share_at_earnings",
    "share_of_cost",
    "threshold_1619b",
    "total_countable",
    "wdp_check",
    "wdp_countable_income",
    "wdp_limit",
]
