"""devplan: plan monitoring, reporting and audit for China's county Development and Reform Bureaus."""

__version__ = "0.1.0"
