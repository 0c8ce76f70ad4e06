"""Errors a user can cause. Each carries where it happened and one sentence saying what to do."""

from __future__ import annotations


def shown(raw: object, longest: int = 40) -> str:
    """What was written, quoted back in a message: a long text cut in the middle ("000000…0001（共 900002 个
    字符）"), so that a refusal never repeats a megabyte of input."""
    text = str(raw)
    if len(text) <= longest:
        return text
    return f"{text[:longest // 2]}…{text[-8:]}（共 {len(text)} 个字符）"


class DevplanError(Exception):
    """A mistake in input or usage that the user can fix; shown as one sentence, never a traceback.

    `exit_code` is 1 for bad input and 2 for bad usage, as the command-line contract says.
    """

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(self.sentence())

    def sentence(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class UsageError(DevplanError):
    """The command was called wrongly (an unknown region, a malformed option)."""

    exit_code = 2


class ConfigError(UsageError):
    """An environment variable holds a value devplan cannot use; names the variable."""


class NotFound(DevplanError):
    """Something the user named (a region, an indicator, a project) does not exist."""
