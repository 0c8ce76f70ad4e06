"""What can go wrong with a backup file or a restore, each said in one sentence naming the file."""

from __future__ import annotations

from devplan.lib.errors import DevplanError


class BackupError(DevplanError):
    """A backup could not be written, or a file cannot be restored; nothing in the database was changed."""
