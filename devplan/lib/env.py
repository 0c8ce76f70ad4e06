"""Settings from environment variables through small validating helpers.

A wrong value stops start-up with a sentence that names the variable, in the manner of healthchecks'
`envbool`/`envint`: `ConfigError("DEVPLAN_PORT must be a whole number, not 'abc'")`.
"""

from __future__ import annotations

import os
from decimal import Decimal, InvalidOperation

from devplan.lib.errors import ConfigError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, not {raw!r}")


def envint(name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise ConfigError(f"{name} must be at most {maximum}, not {value}")
    return value


def envdecimal(name: str, default: str) -> Decimal:
    raw = os.environ.get(name, default)
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None


def envsecret(name: str, default: str) -> str:
    """A secret key: unset gives the development default; a set value must be long enough to be a secret."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    if len(raw) < 32:
        raise ConfigError(f"{name} must be at least 32 characters long (it is {len(raw)})")
    if len(set(raw.strip())) < 16 or raw.startswith("django-insecure-"):
        # 40 × "a", "0123456789" × 4 or Django's sample prefix are long but guessable: a key must look random.
        raise ConfigError(f"{name} must be random (at least 16 different characters), like the output of "
                          "python -c \"import secrets; print(secrets.token_urlsafe(48))\"")
    return raw


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [part.strip() for part in raw.split(",") if part.strip()]


def envdb(name: str, default: str) -> dict[str, object]:
    """A database URL in dj-database-url's forms (sqlite:///file.db, postgres://user@host:5432/name)."""
    return _database(name, os.environ.get(name) or default)


def envdbs(name: str) -> list[dict[str, object]]:
    """A comma-separated list of PostgreSQL URLs (read replicas); unset or empty: none."""
    configs = [_database(name, raw) for raw in envlist(name, [])]
    for config in configs:
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ConfigError(f"{name} lists PostgreSQL replicas (postgres://…), not {config['NAME']!r}")
    return configs


def _database(name: str, raw: str) -> dict[str, object]:
    import dj_database_url

    if not raw.startswith(("sqlite:", "postgres:", "postgresql:", "pgsql:")):
        raise ConfigError(f"{name} must be a sqlite:/// or postgres:// URL, not {raw!r}")
    try:
        # Persistent connections: opening a PostgreSQL connection costs more than answering most requests.
        max_age = envint("DEVPLAN_DB_CONN_MAX_AGE", 600, minimum=0)
        config = dict(dj_database_url.parse(raw, conn_max_age=max_age, conn_health_checks=True))
    except Exception as exc:  # dj-database-url raises several kinds for a malformed URL
        raise ConfigError(f"{name} is not a valid database URL ({raw!r}): {exc}") from None
    return config
