"""Developer tools run from the source tree (python -m tools.NAME); not shipped in the wheel."""
