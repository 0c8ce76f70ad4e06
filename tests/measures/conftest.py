from tests.accounts.personas import personas  # noqa: F401  (the shared permission-test personas)
