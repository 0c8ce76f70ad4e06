"""devplan's one C extension, the direct CSV import's line reader (devplan/scale/_lines.c: a national file's
lines read in C, not by a regular expression per line); everything else is in pyproject.toml. Installing needs a
C compiler and Python's headers."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("devplan.scale._lines", ["devplan/scale/_lines.c"])])
