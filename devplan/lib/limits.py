"""The size limits every door applies to a file before anything parses it: the file's own size, and for a
zip container (.xlsx, .docx) the size its members unpack to, read from the zip's directory without
unpacking (a 9 MB zip bomb unpacks to 125 MB). Pure: the doors pass the limits from the settings."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devplan.lib.errors import DevplanError

MB = 1 << 20


class TooLarge(DevplanError):
    """A file (or a request body) over a configured limit; refused before it was read."""


@dataclass(frozen=True)
class Limits:
    upload_bytes: int
    unzipped_bytes: int


def limits_from(settings: Any) -> Limits:
    """The limits configured in Django's settings (DEVPLAN_UPLOAD_MAX_MB, DEVPLAN_UNZIPPED_MAX_MB)."""
    return Limits(settings.DEVPLAN_UPLOAD_MAX_MB * MB, settings.DEVPLAN_UNZIPPED_MAX_MB * MB)


def check_size(size: int, name: str, limits: Limits) -> None:
    if size > limits.upload_bytes:
        raise TooLarge(f"“{name}”有 {size / MB:.1f} MB，超过 {limits.upload_bytes // MB} MB 的上限：请上传填好的"
                       "模板或报告正文本身")


def check_file(path: Path, limits: Limits, name: str | None = None) -> None:
    """Refuse `path` when it, or what it unpacks to, is over the limits; read nothing but its zip directory."""
    check_size(path.stat().st_size, name or path.name, limits)
    check_unpacked(path, limits, name)


def check_unpacked(path: Path, limits: Limits, name: str | None = None) -> None:
    """Refuse a zip container (.xlsx, .docx) that unpacks to more than the limit, from its directory alone:
    the one rule of every door, the command line's included (a .docx unpacking to 145 MB took 1.35 GB)."""
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a readable zip: the reader that opens it says so in its own words
    if unpacked > limits.unzipped_bytes:
        raise TooLarge(f"解压后有 {unpacked / MB:.0f} MB，超过 {limits.unzipped_bytes // MB} MB 的上限，"
                       "不是正常的填报模板或报告，已拒绝读取", where=name or path.name)
