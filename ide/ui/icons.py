"""Toolbar icons painted at run time (no image files, no SVG plugin to load at start-up).

Run is a green triangle and Stop a red square, in every theme, as beginners know them from
media players and from Thonny. New, Open and Save are a page, a folder and a floppy disk,
drawn here rather than taken from QStyle: touching QStyle's enums from Python costs ~8 ms of
start-up, more than drawing all three.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QRadialGradient,
)

_SIZE = 32  # drawn at 2x; Qt scales down for 16/24 px toolbars


def _canvas(size: int = _SIZE) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
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


def new_icon() -> QIcon:
    """A blank page with its top right corner folded."""
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#6b7280"), 1.5))
    painter.setBrush(QColor("#ffffff"))
    painter.drawPolygon(
        QPolygonF([QPointF(7, 3), QPointF(19, 3), QPointF(26, 10), QPointF(26, 29), QPointF(7, 29)])
    )
    painter.setBrush(QColor("#d1d5db"))
    painter.drawPolygon(QPolygonF([QPointF(19, 3), QPointF(19, 10), QPointF(26, 10)]))
    painter.end()
    return QIcon(pixmap)


def open_icon() -> QIcon:
    """A folder, open at the front."""
    pixmap, painter = _canvas()
    painter.setPen(QPen(QColor("#9a6412"), 1.2))
    painter.setBrush(QColor("#e0a43a"))
    painter.drawPolygon(
        QPolygonF([QPointF(3, 7), QPointF(12, 7), QPointF(15, 10), QPointF(27, 10),
                   QPointF(27, 27), QPointF(3, 27)])
    )  # fmt: skip
    painter.setBrush(QColor("#f6c765"))
    painter.drawPolygon(
        QPolygonF([QPointF(7, 14), QPointF(30, 14), QPointF(27, 27), QPointF(3, 27)])
    )
    painter.end()
    return QIcon(pixmap)


def save_icon() -> QIcon:
    """A floppy disk: blue body, metal shutter at the top, white label below."""
    pixmap, painter = _canvas()
    painter.setBrush(QColor("#2f5fa8"))
    painter.drawRoundedRect(QRectF(4, 4, 24, 24), 2.5, 2.5)
    painter.setBrush(QColor("#d6dbe3"))
    painter.drawRect(QRectF(9, 4, 13, 8))
    painter.setBrush(QColor("#2f5fa8"))
    painter.drawRect(QRectF(17, 5.5, 3, 5))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(8, 16, 16, 10), 1, 1)
    painter.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    """Hotaru (a firefly): a warm glow on a night-blue disc."""
    icon = QIcon()
    for size in (16, 32, 64, 128):
        pixmap, painter = _canvas(size)
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
