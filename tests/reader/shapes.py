"""What the shape tests ask of the reader: the checks a text's errors come from (asserted quiet, caught or raising
given checks), and the fact a number ends."""

from __future__ import annotations

from devplan.reader import Fact, audit_text


def errors(text: str) -> list[str]:
    """The checks of the error-severity findings on `text`."""
    return [f.check for f in audit_text(text).findings if f.severity == "error"]


def assert_raises(checks: list[str], *texts: str) -> None:
    """Each of `texts` raises exactly `checks`, in order (no error at all where `checks` is empty)."""
    for text in texts:
        found = errors(text)
        # The helper's asserts are not rewritten by pytest, so the message names the text that failed.
        assert found == checks, f"{text!r} raises {found}, not {checks}"


def assert_quiet(*texts: str) -> None:
    """None of `texts` raises an error."""
    assert_raises([], *texts)


def assert_caught(true: str, broken: str, checks: list[str]) -> None:
    """`true` raises no error and `broken`, its variant with an error planted, raises exactly `checks`."""
    assert_quiet(true)
    assert_raises(checks, broken)


def fact_ending(facts: list[Fact], text: str) -> Fact:
    """The first fact whose text ends with `text`."""
    return next(f for f in facts if f.text.endswith(text))
