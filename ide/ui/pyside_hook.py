"""PySide6's import hook, made to stop keeping every module's source in memory.

Once PySide6 is imported, every ``import`` statement anywhere passes through its "feature" hook,
which asks whether the importing module mentions PySide6 by reading its whole source with
``inspect.getsource``. That puts every such module's lines into ``linecache`` for good: after
start-up ~130 files, ~6 MB of Python strings (a third of Hotaru's Python heap at idle), and more
with every feature opened later (jedi's modules when completion starts).

``lighten_feature_hook`` swaps in a check with the same answer (the file mentions "PySide6")
that reads the file's bytes and keeps nothing, and lets go of the lines PySide's check kept
until then (PySide6's own imports, its signature loader's, a thread importing beside Qt's): a
cache of files only, read again should a traceback need them. Modules whose source is not a
plain .py file (a zip, a frozen module) still go to PySide's own check.
"""

from __future__ import annotations

import functools
import linecache
import os
import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def lighten_feature_hook() -> bool:
    """Replace PySide6's source check (see the module's docstring). True when it is in place
    (now or before); False when this PySide6 has no such check (nothing to lighten)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "_hotaru_light", False):
        return True
    setattr(feature, _CHECK, _light_check(original))
    # A thread importing beside Qt's (ide.__main__'s early session) meanwhile: PySide's check
    # reads a module when it is first imported, when linecache returns the lines it has just
    # read, not the entry dropped here; only a file already cached and read again at this very
    # instant (one file imported under two names) could see its entry vanish mid-read.
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:  # read from a file (not registered text)
            linecache.cache.pop(name, None)
    return True


def _light_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    @functools.wraps(original)  # __wrapped__: PySide6's own check
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py") or not os.path.isfile(path):
            return original(module)
        try:
            with open(path, "rb") as f:
                return b"PySide6" in f.read()
        except OSError:  # PySide's own check answers False when the source cannot be read
            return False

    uses_pyside._hotaru_light = True  # type: ignore[attr-defined]
    return uses_pyside
