from tests.accounts.personas import personas  # noqa: F401  (the shared permission-test personas)
from tests.security.test_concurrent_writers import server  # noqa: F401  (the demo served by `devplan serve`)
