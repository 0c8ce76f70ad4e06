"""Framework-free helpers: settings from the environment, numbers, periods, errors. Imports nothing from Django."""
