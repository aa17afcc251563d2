"""The Files pane: this computer and the board side by side (see ARCHITECTURE.md)."""

from __future__ import annotations

from .pane import FilesPane

__all__ = ["FilesPane"]
