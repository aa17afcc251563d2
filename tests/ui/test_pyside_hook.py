"""PySide6's import hook keeps no module's source in memory (ide.ui.pyside_hook)."""

from __future__ import annotations

import importlib
import linecache
import sys
import types

import pytest

pytestmark = pytest.mark.ui


@pytest.fixture
def fresh_modules(tmp_path, monkeypatch):
    """Write modules into a folder on sys.path; import them fresh; forget them after."""
    monkeypatch.syspath_prepend(str(tmp_path))
    names: list[str] = []

    def make(name: str, text: str) -> types.ModuleType:
        (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
        importlib.invalidate_caches()
        names.append(name)
        __import__(name)  # an import statement's way in (PySide6 hooks builtins.__import__)
        return sys.modules[name]

    yield make
    for name in names:
        sys.modules.pop(name, None)


def test_a_module_imported_after_qt_leaves_no_lines_in_linecache(fresh_modules):
    import PySide6.QtCore  # noqa: F401 - PySide6's hook is what read the sources

    from ide.ui.pyside_hook import lighten_feature_hook

    assert lighten_feature_hook(), "this PySide6 has no source check: revisit ide.ui.pyside_hook"
    # a module that imports something (the hook reads the importing module's source)
    mod = fresh_modules("hotaru_hook_probe", "import json\nimport os.path\nVALUE = 1\n" * 200)
    assert mod.VALUE == 1
    assert mod.__file__ not in linecache.cache


def test_it_drops_lines_the_hook_kept_before_it_was_lightened():
    import PySide6.QtCore  # noqa: F401

    from ide.ui.pyside_hook import lighten_feature_hook

    feature = sys.modules["shibokensupport.feature"]
    check = feature._mod_uses_pyside
    linecache.getlines(__file__)  # as PySide's own check leaves a file's lines
    assert __file__ in linecache.cache
    registered = "<hotaru registered text>"
    linecache.cache[registered] = (5, None, ["x = 1\n"], registered)  # not from a file: kept
    try:
        feature._mod_uses_pyside = getattr(check, "__wrapped__", check)  # as PySide6 left it
        assert lighten_feature_hook()
        assert __file__ not in linecache.cache
        assert registered in linecache.cache
    finally:
        linecache.cache.pop(registered, None)
        lighten_feature_hook()


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("from PySide6.QtCore import Qt\n", True),
        ("# uses PySide6 later\n", True),
        ("import json\n", False),
    ],
)
def test_the_check_gives_pysides_answer(fresh_modules, text, answer):
    import PySide6.QtCore  # noqa: F401

    from ide.ui.pyside_hook import lighten_feature_hook

    lighten_feature_hook()
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    name = f"hotaru_hook_answer_{abs(hash(text))}"
    mod = fresh_modules(name, text)
    assert check(mod) is answer
    assert check.__wrapped__(mod) is answer  # PySide6's own check, on the same module
    linecache.cache.pop(mod.__file__, None)  # (which kept its lines)
    assert check(sys) is False  # no source file (built in): False, as PySide6's says
