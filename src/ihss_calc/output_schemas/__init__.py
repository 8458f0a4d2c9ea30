"""What every ``--json`` output (and a batch row) holds, described once, as pydantic models
(one module a family of outputs);
``ihss schema COMMAND`` prints the JSON Schema generated from them, and the wheel ships the same
schemas as files (``ihss_calc/schemas/``, also ``docs/schemas/``).

The tests validate the real outputs of every command against these schemas, so neither can
change without the other. Money is a JSON number whose text is the exact amount. Objects admit
no keys but those described, except a batch row, which carries the input's passthrough columns.

``schema_version`` (in every output) goes up when a field is removed or renamed, changes type
or changes meaning; a new field does not bump it. Imported only by ``ihss schema`` and the tests.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ihss_calc.output_schemas.hours import HoursOut, PlanOut, Timesheets
from ihss_calc.output_schemas.rates import RatesCheck, RatesOut
from ihss_calc.output_schemas.soc import BatchRow, Compare, JsonError, Soc
from ihss_calc.output_schemas.whatif import Whatif

MODELS: dict[str, type[BaseModel]] = {
    "soc": Soc,
    "whatif": Whatif,
    "batch": BatchRow,
    "hours": HoursOut,
    "timesheets": Timesheets,
    "plan": PlanOut,
    "rates": RatesOut,
    "rates-check": RatesCheck,
    "compare": Compare,
    "error": JsonError,
}


def schema(command: str) -> dict[str, Any]:
    """The JSON Schema of ``command``'s ``--json`` output (of one row, for ``batch``)."""
    model = MODELS[command]
    body = model.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ihss-calc.invalid/schemas/{command}.schema.json",
        **body,
    }


def schema_text(command: str) -> str:
    """The schema as the wheel and ``docs/schemas/`` hold it: sorted keys, two-space indent."""
    return json.dumps(schema(command), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
