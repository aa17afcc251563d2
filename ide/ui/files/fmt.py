"""Sizes, speeds and times as the user reads them (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("FilesFormat", text)


def format_size(n: int, exact: bool = False) -> str:
    """ "512 bytes", "1.5 KB", "2.3 MB" (1 KB = 1024 bytes); ``exact`` adds the byte count."""
    if n < 1024:
        return _tr("{n} bytes").format(n=n)
    if n < 1024 * 1024:
        text = _tr("{n} KB").format(n=f"{n / 1024:.1f}")
    else:
        text = _tr("{n} MB").format(n=f"{n / (1024 * 1024):.1f}")
    if exact:
        return _tr("{size} ({n} bytes)").format(size=text, n=f"{n:,}")
    return text


def format_rate(bytes_per_second: float) -> str:
    return _tr("{n} KB/s").format(n=f"{bytes_per_second / 1024:.1f}")


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return _tr("estimating…")
    s = int(round(seconds))
    if s < 60:
        return _tr("{s} s left").format(s=s)
    if s < 3600:
        return _tr("{m} min {s} s left").format(m=s // 60, s=s % 60)
    return _tr("{h} h {m} min left").format(h=s // 3600, m=(s % 3600) // 60)
