"""``ihss rates --json`` and ``ihss rates --check``: a rates file's figures as JSON, each with
its status and sources, and what a check of a valid file says."""

from __future__ import annotations

from typing import Any

from ihss_calc.jsonout import figure_dict, rates_ref
from ihss_calc.rates import Rates
from ihss_calc.rules import SCHEMA_VERSION


def rates_dict(rates: Rates) -> dict[str, Any]:
    """Every figure of a rates file, laid out as in the file, for ``ihss rates --json``."""
    return {
        "schema_version": SCHEMA_VERSION,
        **rates_ref(rates),
        "effective_from": rates.effective_from.isoformat(),
        "effective_to": rates.effective_to.isoformat(),
        "exclusions": {
            "general": figure_dict(rates.general_exclusion),
            "earned": figure_dict(rates.earned_exclusion),
            "earned_share": figure_dict(rates.earned_share_excluded),
        },
        "payment_levels": {k: figure_dict(f) for k, f in rates.payment_levels.items()},
        "rounding": {**figure_dict(rates.rounding.quantum), "mode": rates.rounding.mode},
        "work_incentives": {
            "wdp_income_limit": {k: figure_dict(f) for k, f in rates.wdp_income_limits.items()},
            "threshold_1619b": {k: figure_dict(f) for k, f in rates.thresholds_1619b.items()},
        },
        "deeming": {
            "allocation": figure_dict(rates.deeming_allocation),
            **{
                name: figure_dict(f)
                for name, f in (
                    ("student_exclusion", rates.student_exclusion),
                    ("student_exclusion_yearly", rates.student_exclusion_yearly),
                )
                if f
            },
        },
        "programs": {
            "ssi_resource_limit": {k: figure_dict(f) for k, f in rates.ssi_resource_limit.items()},
            "magi_limit": {k: figure_dict(f) for k, f in rates.magi_limit.items()},
            "magi_limit_before_april": {
                k: figure_dict(f) for k, f in rates.magi_limit_before_april.items()
            },
            "ad_fpl_limit": {k: figure_dict(f) for k, f in rates.ad_fpl_limit.items()},
            "ad_fpl_limit_before_april": {
                k: figure_dict(f) for k, f in rates.ad_fpl_limit_before_april.items()
            },
            "ad_fpl_spouse_allowance": None
            if rates.ad_fpl_spouse_allowance is None
            else figure_dict(rates.ad_fpl_spouse_allowance),
            "wdp_limit_before_april": {
                k: figure_dict(f) for k, f in rates.wdp_income_limits_before_april.items()
            },
            "wdp_premium": None
            if rates.wdp_premium is None
            else {
                **figure_dict(rates.wdp_premium),
                "since": None
                if rates.wdp_premium_since is None
                else rates.wdp_premium_since.isoformat(),
            },
        },
        "medi_cal": {
            "maintenance_need": {k: figure_dict(f) for k, f in rates.maintenance_need.items()},
            "rounding": {
                **figure_dict(rates.medi_cal_rounding.quantum),
                "mode": rates.medi_cal_rounding.mode,
            },
            "asset_limit": {k: figure_dict(f) for k, f in rates.asset_limit.items()},
        },
        "ssdi": {k: figure_dict(f) for k, f in rates.ssdi.items()},
        "hours": {k: figure_dict(f) for k, f in rates.hours.items()},
    }


def check_summary(rates: Rates) -> dict[str, Any]:
    """What ``ihss rates --check`` says of a valid file."""
    figures = [part for f in rates.figures() for part in (f, *f.parts)]
    statuses = {
        s: sum(f.status == s for f in figures) for s in ("verified", "cross-checked", "derived")
    }
    return {
        "file": rates.origin,
        "valid": True,
        "year": rates.year,
        "figures": len(figures),
        "statuses": statuses,
    }
