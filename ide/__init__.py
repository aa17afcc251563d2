"""Hotaru: a MicroPython IDE for beginners."""

__version__ = "0.1.0"
