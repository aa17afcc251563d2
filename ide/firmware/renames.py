"""The new name of a start file (main.py, boot.py) that a rescue of a flash image disables."""

from __future__ import annotations


def free_name(names: set[str], was: str) -> str:
    """main.py -> main_disabled.py, or main_disabled_2.py... when that is taken (never a name
    in ``names``: nothing is overwritten)."""
    stem, n = was[:-3] + "_disabled", 2
    now = stem + ".py"
    while now in names:
        now, n = f"{stem}_{n}.py", n + 1
    return now
