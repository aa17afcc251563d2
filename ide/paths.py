"""Where Hotaru's shipped data lives, from a source checkout or an installed wheel."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _data_dir(name: str, packaged: str) -> Path:
    inside = _PKG / packaged  # installed wheel: mapped into the package
    if inside.is_dir():
        return inside
    return _PKG.parent / name  # source checkout: top-level folder


def resources_dir() -> Path:
    """The resources/ folder: icons, example scripts, themes."""
    return _data_dir("resources", "_resources")


def i18n_dir() -> Path:
    """The i18n/ folder: .ts sources and compiled .qm translations."""
    return _data_dir("i18n", "_i18n")


def cache_dir() -> Path:
    """A per-user cache folder (npm packages for the simulator, firmware downloads).
    HOTARU_CACHE_DIR moves it (tests); else the platform's place ($XDG_CACHE_HOME/hotaru or
    ~/.cache/hotaru, %LOCALAPPDATA%\\Hotaru\\Cache, ~/Library/Caches/Hotaru)."""
    base = os.environ.get("HOTARU_CACHE_DIR")
    if base:
        path = Path(base)
    else:
        import platformdirs  # imported here: the first frame never needs it

        # lower case on Linux and the BSDs: the folder earlier versions used there, whose
        # downloads stay valid
        name = "Hotaru" if sys.platform in ("win32", "darwin") else "hotaru"
        path = Path(platformdirs.user_cache_dir(name, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """A per-user folder for what Hotaru keeps between runs (crash-recovery copies of unsaved
    text, the simulator's flash). HOTARU_DATA_DIR moves it (tests); else the platform's place
    (~/.local/share/Hotaru, %LOCALAPPDATA%\\Hotaru, ~/Library/Application Support/Hotaru)."""
    base = os.environ.get("HOTARU_DATA_DIR")
    if base:
        path = Path(base)
    else:
        import platformdirs  # imported here: only the autosave needs it, after the first frame

        path = Path(platformdirs.user_data_dir("Hotaru", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    """Where unsaved editor text is kept until it is saved or discarded (ide.core.recovery)."""
    return data_dir() / "recovery"
