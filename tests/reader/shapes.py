"""What the shape tests ask of the reader: the checks a text's errors come from, and the fact a number ends."""

from __future__ import annotations

from devplan.reader import Fact, audit_text


def errors(text: str) -> list[str]:
    """The checks of the error-severity findings on `text`."""
    return [f.check for f in audit_text(text).findings if f.severity == "error"]


def fact_ending(facts: list[Fact], text: str) -> Fact:
    """The first fact whose text ends with `text`."""
    return next(f for f in facts if f.text.endswith(text))
