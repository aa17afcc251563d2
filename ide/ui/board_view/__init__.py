"""The Board view: a live drawing of the simulated Pico or ESP32 and a strip of parts."""

from ide.ui.board_view.pane import BoardViewPane, build_board_view

__all__ = ["BoardViewPane", "build_board_view"]
