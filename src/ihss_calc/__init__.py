"""ihss: the IHSS share of cost, step by step, with the rule and source of each step."""

__version__ = "0.1.0"
