"""The state of every table: row count and a content hash, to prove that a rejected import wrote nothing."""

from devplan.backup.hashing import database_state as database_state
