"""Toolbar icons painted at run time (no image files, no SVG plugin to load at start-up).

Run is a green triangle and Stop a red square, in every theme, as beginners know them from
media players and from Thonny.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

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
