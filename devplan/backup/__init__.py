"""Backup and restore of the whole database, and the content hash that proves a round trip lost nothing.

`devplan backup FILE` writes one archive (a zip holding `manifest.json` and the database's own dump);
`devplan restore FILE` puts it back, refusing a file from a newer schema or another backend.
"""
