"""Toolbar icons painted at run time (no image files, no SVG plugin to load at start-up).

Run is a green triangle and Stop a red square, in every theme, as beginners know them from
media players and from Thonny.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF, QRadialGradient

_SIZE = 32  # drawn at 2x; Qt scales down for 16/24 px toolbars


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    return pixmap, painter


def run_icon() -> QIcon:
    pixmap, painter = _canvas()
    painter.setBrush(QColor("#1f9d3a"))
    painter.drawPolygon(QPolygonF([QPointF(8, 4), QPointF(28, 16), QPointF(8, 28)]))
    painter.end()
    return QIcon(pixmap)


def stop_icon() -> QIcon:
    pixmap, painter = _canvas()
    painter.setBrush(QColor("#d1242f"))
    painter.drawRoundedRect(QRectF(6, 6, 20, 20), 3, 3)
    painter.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    """Hotaru (a firefly): a warm glow on a night-blue disc."""
    icon = QIcon()
    for size in (16, 32, 64, 128):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1d2b4f"))
        painter.drawEllipse(QRectF(0, 0, size, size))
        glow = QRadialGradient(QPointF(size * 0.5, size * 0.55), size * 0.42)
        glow.setColorAt(0.0, QColor(250, 255, 170, 255))
        glow.setColorAt(0.35, QColor(200, 240, 60, 230))
        glow.setColorAt(1.0, QColor(120, 200, 40, 0))
        painter.setBrush(glow)
        painter.drawEllipse(QRectF(size * 0.08, size * 0.13, size * 0.84, size * 0.84))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
