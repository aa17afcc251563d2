"""Drag data for board entries.

Inside Hotaru the local tree reads :data:`BOARD_MIME` (a JSON list of entries) and starts a
normal download with clash questions. An OS file manager wants ``text/uri-list`` of files that
exist: those are produced only when the drop target asks for them (``retrieveData``), by
downloading into a fresh temporary folder through the ``stage`` callable the pane supplies.
While the pointer is over one of Hotaru's own windows (``over_own_window()``), a request for
file URLs gets none: a widget that merely checks ``hasUrls()/urls()`` while the drag passes over
it (the editor does) must not start a download.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QMetaType, QMimeData, QUrl

from .board_model import BOARD_MIME

URI_LIST = "text/uri-list"


class BoardMimeData(QMimeData):
    """Board entries being dragged; file URLs are made on demand."""

    def __init__(
        self,
        entries: list[dict[str, Any]],
        stage: Callable[[list[dict[str, Any]]], list[Path]],
        over_own_window: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.entries = entries
        self._stage = stage
        self._over_own_window = over_own_window
        self._staged: list[Path] | None = None
        self.setData(BOARD_MIME, QByteArray(json.dumps(entries).encode()))

    def formats(self) -> list[str]:
        return [BOARD_MIME, URI_LIST]

    def hasFormat(self, mimetype: str) -> bool:  # noqa: N802
        return mimetype in (BOARD_MIME, URI_LIST)

    def retrieveData(self, mimetype: str, preferred_type: QMetaType) -> Any:  # noqa: N802
        if mimetype != URI_LIST:
            return super().retrieveData(mimetype, preferred_type)
        if self._staged is None:
            if self._over_own_window():
                return [] if _wants_list(preferred_type) else QByteArray()
            self._staged = self._stage(self.entries)
        urls = [QUrl.fromLocalFile(str(p)) for p in self._staged]
        if _wants_list(preferred_type):
            return urls  # QMimeData.urls() asks for a list
        return QByteArray(b"".join(u.toEncoded().data() + b"\r\n" for u in urls))


def _wants_list(preferred_type: QMetaType | None) -> bool:
    return preferred_type is not None and preferred_type.id() in (
        QMetaType.Type.QVariantList.value,
        QMetaType.Type.QUrl.value,
    )


def entries_from_mime(data: QMimeData) -> list[dict[str, Any]]:
    """The board entries carried by ``data`` (empty when it carries none)."""
    if isinstance(data, BoardMimeData):
        return list(data.entries)
    if not data.hasFormat(BOARD_MIME):
        return []
    try:
        value = json.loads(bytes(data.data(BOARD_MIME).data()).decode())
    except ValueError:
        return []
    return [e for e in value if isinstance(e, dict) and "path" in e]
