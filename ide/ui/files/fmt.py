"""Sizes, speeds and times as the user reads them (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def format_size(n: int, exact: bool = False) -> str:
    """ "512 bytes", "1.5 KB", "2.3 MB" (1 KB = 1024 bytes); ``exact`` adds the byte count."""
    if n < 1024:
        return QCoreApplication.translate("FilesFormat", "{n} bytes").format(n=n)
    if n < 1024 * 1024:
        text = QCoreApplication.translate("FilesFormat", "{n} KB").format(n=f"{n / 1024:.1f}")
    else:
        text = QCoreApplication.translate("FilesFormat", "{n} MB").format(
            n=f"{n / (1024 * 1024):.1f}"
        )
    if exact:
        return QCoreApplication.translate("FilesFormat", "{size} ({n} bytes)").format(
            size=text, n=f"{n:,}"
        )
    return text


def format_rate(bytes_per_second: float) -> str:
    return QCoreApplication.translate("FilesFormat", "{n} KB/s").format(
        n=f"{bytes_per_second / 1024:.1f}"
    )


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return QCoreApplication.translate("FilesFormat", "estimating…")
    s = int(round(seconds))
    if s < 60:
        return QCoreApplication.translate("FilesFormat", "{s} s left").format(s=s)
    if s < 3600:
        return QCoreApplication.translate("FilesFormat", "{m} min {s} s left").format(
            m=s // 60, s=s % 60
        )
    return QCoreApplication.translate("FilesFormat", "{h} h {m} min left").format(
        h=s // 3600, m=(s % 3600) // 60
    )
