"""Bad JSON to the API, the fourth way data comes in: every body below is refused with a 4xx answer whose
`detail` is one clear sentence naming the field (or the body), never a 5xx, and every table is exactly as
before (content hash of all tables)."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from django.test import Client

from devplan.backup.hashing import database_state
from tests.accounts.personas import PASSWORD
from tests.reliability.record import record

GOOD = {"region": "湘乡市", "indicator": "gdp", "through": "2023-12", "value": 610.5, "growth_pct": 4.1, "note": ""}
DDE = "=cmd|' /C calc'!A0"


class Case(NamedTuple):
    name: str
    body: bytes
    status: int
    words: tuple[str, ...]


def _with(**change: Any) -> bytes:
    return json.dumps({**GOOD, **change}, ensure_ascii=False).encode()


def _without(field: str) -> bytes:
    return json.dumps({k: v for k, v in GOOD.items() if k != field}, ensure_ascii=False).encode()


CASES = [
    Case("not JSON", b"{region: \xe6\xb9\x98", 400, ("JSON",)),
    Case("empty body", b"", 422, ("observation",)),
    Case("array instead of object", b"[1, 2, 3]", 422, ()),
    Case("GBK-encoded body", json.dumps(GOOD, ensure_ascii=False).encode("gbk"), 400, ()),
    Case("deeply nested", b"[" * 100_000 + b"]" * 100_000, 400, ()),
    Case("missing indicator", _without("indicator"), 422, ("indicator",)),
    Case("missing through", _without("through"), 422, ("through",)),
    Case("text in number", _with(value="四百"), 422, ("value",)),
    Case("full-width digits", _with(value="４２８.３"), 422, ("value",)),
    Case("unit in the number", _with(value="428.3亿元"), 422, ("value",)),
    Case("thousands separator", _with(value="1,234.5"), 422, ("value",)),
    Case("negative level", _with(value=-3), 422, ("负数",)),
    Case("percent sign", _with(growth_pct="2.2%"), 422, ("growth_pct",)),
    Case("growth of -100% or less", _with(growth_pct=-120), 422, ("−100%",)),
    Case("number too large", b'{"region": "\\u6e58\\u4e61\\u5e02", "indicator": "gdp", "through": "2023-12", "value": 1e400}',
         422, ("value",)),
    Case("NaN", _with(value="NaN"), 422, ("value",)),
    Case("Infinity", _with(value="Infinity"), 422, ("value",)),
    Case("boolean for a number", _with(value=True), 422, ("value",)),
    Case("object for a number", _with(value={"v": 1}), 422, ("value",)),
    Case("nothing to record", _with(value=None, growth_pct=None), 422, ("至少",)),
    Case("month 13", _with(through="2023-13"), 422, ("through",)),
    Case("month 00", _with(through="2023-00"), 422, ("through",)),
    Case("Chinese period", _with(through="2023年9月"), 422, ("through",)),
    Case("unknown indicator", _with(indicator="gdp_per_cow"), 404, ("gdp_per_cow",)),
    Case("another department's indicator", _with(indicator="fiscal_revenue"), 403, ()),
    Case("unknown region", _with(region="火星市"), 404, ("火星市",)),
    Case("formula in the note", _with(note=DDE), 422, ("note",)),
    Case("note of 100k characters", _with(note="长" * 100_000), 422, ("note",)),
    Case("NUL in the note", _with(note="a\u0000b"), 422, ("note",)),
]


def _logged_in() -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    answer = client.post("/api/login", {"username": "tongji", "password": PASSWORD}, content_type="application/json")
    return client, answer.json()["csrf_token"]


def _problems(case: Case, answer: Any, changed: bool) -> list[str]:
    wrong = []
    if answer.status_code != case.status:
        wrong.append(f"status {answer.status_code}, expected {case.status}")
    try:
        detail = answer.json()["detail"]
    except (ValueError, KeyError, TypeError):
        return [*wrong, f"no JSON detail: {answer.content[:200]!r}"]
    if not isinstance(detail, str) or "Traceback" in detail or len(detail) > 400:
        wrong.append(f"detail is not one sentence: {str(detail)[:200]}")
    wrong += [f"no “{word}” in “{detail}”" for word in case.words if word not in str(detail)]
    if changed:
        wrong.append("the database changed")
    return wrong


def test_every_bad_json_body_is_refused_clearly_and_nothing_written(personas):
    client, token = _logged_in()
    problems = {}
    for case in CASES:
        before = database_state()
        answer = client.generic("POST", "/api/observations", case.body, content_type="application/json",
                                headers={"X-CSRFToken": token})
        wrong = _problems(case, answer, database_state() != before)
        if wrong:
            problems[case.name] = wrong
    record("bad_inputs", "api-json", tried=len(CASES), held=len(CASES) - len(problems), known_bugs=[],
           failed=sorted(problems), slowest_seconds=0)
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
