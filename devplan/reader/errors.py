"""Errors the reader raises for files a user hands it: each names the file and says what to do."""

from __future__ import annotations

from devplan.lib.errors import DevplanError


class ReaderError(DevplanError):
    """Any file the reader cannot turn into text."""


class UnsupportedFormat(ReaderError):
    """The file is not UTF-8 text, .docx or .pdf."""


class UnreadableFile(ReaderError):
    """The file is missing, damaged, or not in the encoding its name promises."""


class NoTextLayer(UnreadableFile):
    """A PDF whose pages are images (a scan): there is no text to read without OCR."""
