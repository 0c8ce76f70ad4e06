"""The API's JSON parser: Python's `json` accepts `"\\ud800x"`, a lone UTF-16 surrogate that no database
can store (UTF-8 cannot encode it), so a body holding one is refused as not being valid JSON text (400)
instead of failing at the database (500). Fractional numbers are read as Decimal, keeping the places stated."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja.parser import Parser


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(item) for item in value)
    return False


class StrictJSON(Parser):
    def parse_body(self, request: HttpRequest) -> Any:
        # A JSON number with a fraction is read as its literal (Decimal): 12.70 keeps its two places, as the
        # web form and the template keep them (a float would print 12.7).
        data = json.loads(request.body, parse_float=Decimal)
        if _has_surrogate(data):
            raise ValueError("a string holds a lone UTF-16 surrogate")  # ninja answers 400 (UNPARSABLE)
        return data
