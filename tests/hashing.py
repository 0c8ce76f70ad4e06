"""A quick Argon2 for the test process: the same algorithm and hash format (a server started by a test checks
these hashes with the real hasher, and upgrades them at the first login), at the lowest cost the format allows.
The real parameters cost about 0.17 s of CPU per hash or login, and the test users are made again for every test."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 8
    parallelism = 1
