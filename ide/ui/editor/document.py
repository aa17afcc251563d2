"""Where an editor tab's text lives, and the answers to "Save the changes?"."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


@dataclass
class Document:
    """Where a tab's text lives."""

    local_path: Path | None = None
    board_path: str | None = None
    name: str = ""  # shown name for a tab that has no file yet
    # a new tab named by the editor ("untitled-3.py", in the user's language: "無題-3.py"): its
    # name is no file name to suggest for the board, where main.py is what a beginner means
    untitled: bool = False
    # its board file was deleted (the Files pane): the text is only here now, so the tab counts
    # as unsaved ("*", and closing asks); Save writes the file again
    deleted: bool = False
    saving: bool = False  # a save to the board is under way
    # a local .py last saved to the board compiled (Settings: compile lib files to .mpy): the
    # board .py path it stands for; the tab still edits the local file, Save to board offers it
    compiled_to: str | None = None

    @property
    def on_board(self) -> bool:
        return self.board_path is not None

    def file_name(self) -> str:
        if self.local_path is not None:
            return self.local_path.name
        if self.board_path is not None:
            return posixpath.basename(self.board_path.rstrip("/")) or self.board_path
        return self.name
