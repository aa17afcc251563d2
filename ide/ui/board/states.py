"""The SessionController's states (its ``state_changed`` signal carries them), shared by the
helpers it owns. ide.ui.board.session_controller re-exports them."""

from __future__ import annotations

SIMULATOR = "simulator"  # the port name of the built-in virtual board

DISCONNECTED, CONNECTING, IDLE, RUNNING, BUSY = (
    "disconnected",
    "connecting",
    "idle",
    "running",
    "busy",
)
RECONNECTING = "reconnecting"  # the link was lost and ide.board is looking for the board
