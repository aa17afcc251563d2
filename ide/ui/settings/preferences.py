"""User preferences kept in QSettings: editor font, theme, last port, recent files, window.

The UI language lives in the same file but belongs to ide.ui.settings.language.

``HOTARU_CONFIG_DIR`` (used by the tests) moves the settings file out of the user's profile.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("auto", "light", "dark")
MAX_RECENT = 10


def default_settings() -> QSettings:
    """Hotaru's settings file (HOTARU_CONFIG_DIR moves it; ide.ui.settings.language reads it
    too)."""
    folder = os.environ.get("HOTARU_CONFIG_DIR")
    if folder:
        return QSettings(str(Path(folder) / "hotaru.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Hotaru", "Hotaru")


class Preferences:
    """Typed access to the settings file. Cheap to create; every read goes to QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else default_settings()

    def _str(self, key: str, default: str = "") -> str:
        value = self.settings.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int = 0) -> int:
        try:
            return int(self.settings.value(key, default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    # editor
    @property
    def editor_font_family(self) -> str:
        """Empty means the system's fixed-width font."""
        return self._str("editor/font_family")

    @editor_font_family.setter
    def editor_font_family(self, family: str) -> None:
        self.settings.setValue("editor/font_family", family)

    @property
    def editor_font_size(self) -> int:
        """0 means the default size."""
        return self._int("editor/font_size")

    @editor_font_size.setter
    def editor_font_size(self, size: int) -> None:
        self.settings.setValue("editor/font_size", int(size))

    @property
    def theme(self) -> str:
        """ "auto" (follow the OS), "light" or "dark"."""
        value = self._str("ui/theme", "auto")
        return value if value in THEMES else "auto"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"unknown theme {value!r}")
        self.settings.setValue("ui/theme", value)

    # connection
    @property
    def last_port(self) -> str:
        """Device path, pyserial URL or "simulator"; "" when never connected."""
        return self._str("connection/last_port")

    @last_port.setter
    def last_port(self, port: str) -> None:
        self.settings.setValue("connection/last_port", port)

    # packages
    @property
    def package_index(self) -> str:
        """The mip package index (Tools > Manage packages…); "" means micropython-lib's."""
        return self._str("packages/index_url")

    @package_index.setter
    def package_index(self, url: str) -> None:
        self.settings.setValue("packages/index_url", url.strip())

    # files
    def _str_list(self, key: str) -> list[str]:
        value = self.settings.value(key, [])
        if isinstance(value, str):  # QSettings gives a one-item list back as a plain string
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)]

    def recent_files(self) -> list[str]:
        return self._str_list("files/recent")[:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        files = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("files/recent", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove_recent_file(self, path: str) -> list[str]:
        files = [p for p in self.recent_files() if p != path]
        self.settings.setValue("files/recent", files)
        return files

    def clear_recent_files(self) -> None:
        self.settings.setValue("files/recent", [])

    def open_files(self) -> tuple[list[str], int]:
        """Files from this computer open when Hotaru last closed, and the current one's index."""
        return self._str_list("files/open"), self._int("files/current", 0)

    def set_open_files(self, files: list[str], current: int) -> None:
        self.settings.setValue("files/open", files)
        self.settings.setValue("files/current", current)

    @property
    def last_directory(self) -> str:
        return self._str("files/last_directory")

    @last_directory.setter
    def last_directory(self, folder: str) -> None:
        self.settings.setValue("files/last_directory", folder)

    def working_folder(self) -> Path:
        """Where scripts are opened and saved and where "This computer" starts: the folder last
        used, else Documents, else home."""
        folder = self.last_directory
        if folder and Path(folder).is_dir():
            return Path(folder)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    # running programs
    @property
    def keep_board_state(self) -> bool:
        """Run continues from what the last run left (timers, globals) instead of soft-resetting
        the board first; off by default."""
        value = self.settings.value("run/keep_board_state", False)
        # QSettings' INI format gives back "true"/"false" strings for booleans.
        return value is True or (isinstance(value, str) and value.lower() == "true")

    @keep_board_state.setter
    def keep_board_state(self, keep: bool) -> None:
        self.settings.setValue("run/keep_board_state", bool(keep))

    # uploads
    @property
    def compile_to_mpy(self) -> bool:
        """Upload .py files of lib folders as .mpy compiled for the board (ide.core.files.compile);
        off by default."""
        value = self.settings.value("files/compile_to_mpy", False)
        return value is True or (isinstance(value, str) and value.lower() == "true")

    @compile_to_mpy.setter
    def compile_to_mpy(self, on: bool) -> None:
        self.settings.setValue("files/compile_to_mpy", bool(on))

    # window
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def sync(self) -> None:
        self.settings.sync()
