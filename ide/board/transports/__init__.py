"""Transports: serial (pyserial, any URL), simulator (the built-in board), later WebREPL."""

from ide.board.transports.base import ResetLines, Transport, TransportLost

__all__ = ["ResetLines", "Transport", "TransportLost"]
