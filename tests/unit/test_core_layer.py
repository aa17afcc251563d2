"""ide.core is the Qt-free layer: importing every module in it loads no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def core_modules() -> list[str]:
    """Every module under ide/core, as dotted names (packages included)."""
    names = []
    for path in sorted((ROOT / "ide" / "core").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_core_has_the_qt_free_feature_logic() -> None:
    # the modules that left ide/ui for this layer are here (a move back would be caught)
    moved = (
        "ide.core.files.plan",
        "ide.core.files.names",
        "ide.core.files.board_ops",
        "ide.core.console.screen",
        "ide.core.explain",
        "ide.core.editor.syntax",
        "ide.core.examples",
        "ide.core.board_link",
    )
    assert set(moved) <= set(core_modules())


def test_importing_ide_core_loads_no_qt() -> None:
    # A fresh interpreter: this test process has Qt loaded already.
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]", f"ide.core imported Qt: {out}"
