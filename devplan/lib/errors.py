"""Errors a user can cause. Each carries where it happened and one sentence saying what to do."""

from __future__ import annotations

import errno


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


# What the operating system said, in the sentence's language: its own words ("File exists") read as a fault
# inside a Chinese sentence.
_OS_REASONS = {
    errno.EEXIST: "已有同名的文件",
    errno.ENOTDIR: "路径中有一段是文件而不是目录",
    errno.EISDIR: "已有同名的目录",
    errno.ENOENT: "路径不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "文件系统只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.ENAMETOOLONG: "路径太长",
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Chinese where the error is a common one."""
    return _OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)
