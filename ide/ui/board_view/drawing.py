"""The simulated board drawn with QPainter: vector shapes scaled to the widget, so it is crisp
at any size, in the light and the dark theme."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRadialGradient,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ide.core.board_view import BoardLayout, BoardState

# The drawing's own units: a board 100 wide, pins 10 apart; scaled to fit the widget.
PITCH = 10.0
BOARD_W = 100.0
LABEL_W = 34.0  # room for the labels outside the board on each side
TAG_W = 46.0  # beyond the labels: the tags of the parts wired to a pin ("LED", "Buzzer")
MARGIN_Y = 24.0  # above and below the header (connector, antenna)

LED_COLOURS = {"pico": QColor(60, 220, 60), "esp32": QColor(60, 140, 255)}
PCB_COLOURS = {"pico": QColor(0, 120, 60), "esp32": QColor(30, 30, 40)}


def led_colour(kind: str, brightness: float, dark: bool) -> QColor:
    """The LED's colour at ``brightness`` 0..1: from unlit grey to its full colour."""
    lit = LED_COLOURS.get(kind, QColor(255, 80, 40))
    off = QColor(90, 90, 90) if dark else QColor(200, 200, 200)
    b = max(0.0, min(1.0, brightness))
    return QColor(
        round(off.red() + (lit.red() - off.red()) * b),
        round(off.green() + (lit.green() - off.green()) * b),
        round(off.blue() + (lit.blue() - off.blue()) * b),
    )


class BoardDrawing(QWidget):
    """Paints ``layout`` with the live ``state`` (set by the pane each frame)."""

    def __init__(self, layout: BoardLayout, state: BoardState, parent: QWidget | None = None):
        super().__init__(parent)
        self.board_layout = layout
        self.state = state
        #: GPIO -> the parts wired to it, as (tag text, colour): the parts strip's choices,
        #: drawn beside the pin so the picture shows where each part is connected
        self.wired: dict[str, list[tuple[str, QColor]]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(260, 380)

    def _extent(self) -> tuple[float, float]:
        rows = max(len(self.board_layout.left), len(self.board_layout.right))
        return BOARD_W + 2 * (LABEL_W + TAG_W), rows * PITCH + 2 * MARGIN_Y

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self._extent()
        scale = min(self.width() / width, self.height() / height)
        p.translate((self.width() - width * scale) / 2, (self.height() - height * scale) / 2)
        p.scale(scale, scale)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self._paint_board(p, dark)
        p.end()

    def _paint_board(self, p: QPainter, dark: bool) -> None:
        layout = self.board_layout
        rows = max(len(layout.left), len(layout.right))
        top = MARGIN_Y
        x0 = TAG_W + LABEL_W
        board = QRectF(x0, top - 20, BOARD_W, rows * PITCH + 40)
        p.setPen(QPen(QColor(0, 0, 0, 120), 0.6))
        p.setBrush(PCB_COLOURS.get(layout.kind, QColor(0, 100, 60)))
        p.drawRoundedRect(board, 4, 4)
        # USB connector (and the ESP32's antenna at the other end)
        p.setBrush(QColor(170, 170, 175))
        usb_y = board.top() - 4 if layout.usb_top else board.bottom() - 8
        p.drawRoundedRect(QRectF(x0 + BOARD_W / 2 - 9, usb_y, 18, 12), 1.5, 1.5)
        if layout.kind == "esp32":
            p.setBrush(QColor(200, 200, 205))
            p.drawRect(QRectF(x0 + 14, board.top() + 4, BOARD_W - 28, 38))
            p.setPen(QPen(QColor(120, 120, 120), 0.5))
            p.setFont(_font(5))
            p.drawText(
                QRectF(x0 + 14, board.top() + 4, BOARD_W - 28, 38),
                Qt.AlignmentFlag.AlignCenter,
                "ESP32-WROOM-32",
            )
        else:
            p.setBrush(QColor(25, 25, 25))  # the RP2040 chip
            p.drawRect(QRectF(x0 + BOARD_W / 2 - 14, top + rows * PITCH / 2 - 14, 28, 28))
            p.setPen(QPen(QColor(200, 200, 200), 0.5))
            p.setFont(_font(5))
            p.drawText(
                QRectF(x0 + BOARD_W / 2 - 14, top + rows * PITCH / 2 - 14, 28, 28),
                Qt.AlignmentFlag.AlignCenter,
                "RP2040",
            )
        self._paint_title(p, board)
        self._paint_led(p, board, dark)
        text = QColor(230, 230, 230) if dark else QColor(30, 30, 30)
        for column, spots in ((0, layout.left), (1, layout.right)):
            for i, spot in enumerate(spots):
                y = top + (i + 0.5) * PITCH
                x = x0 + 5 if column == 0 else x0 + BOARD_W - 5
                self._paint_pin(p, QPointF(x, y), spot.gpio, dark)
                p.setPen(text)
                font = _font(5.2, bold=spot.gpio is not None and self.state.driven(spot.gpio))
                p.setFont(font)
                if column == 0:
                    rect = QRectF(TAG_W, y - PITCH / 2, LABEL_W - 2, PITCH)
                    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                else:
                    rect = QRectF(x0 + BOARD_W + 2, y - PITCH / 2, LABEL_W - 2, PITCH)
                    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                p.drawText(rect, align, spot.label)
                parts = self.wired.get(spot.gpio or "")
                if parts:
                    width = QFontMetricsF(font).horizontalAdvance(spot.label)
                    edge = rect.right() - width - 1.5 if column == 0 else rect.left() + width + 1.5
                    self._paint_tags(p, edge, y, column == 0, parts)

    def _paint_tags(
        self, p: QPainter, edge: float, y: float, leftward: bool, parts: list[tuple[str, QColor]]
    ) -> None:
        """The tags of the parts wired to one pin, next to its label (outwards)."""
        font = _font(6.0)  # larger than the pin labels: Japanese and Chinese stay legible
        metrics = QFontMetricsF(font)
        p.setFont(font)
        for text, colour in parts:
            width = metrics.horizontalAdvance(text) + 3
            x = edge - width if leftward else edge
            box = QRectF(x, y - 4.3, width, 8.6)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawRoundedRect(box, 1.5, 1.5)
            p.setPen(QColor(255, 255, 255))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            edge = x - 1 if leftward else x + width + 1

    def _paint_title(self, p: QPainter, board: QRectF) -> None:
        p.setPen(QColor(235, 235, 235))
        p.setFont(_font(6, bold=True))
        rows = max(len(self.board_layout.left), len(self.board_layout.right))
        y = board.top() + (rows * PITCH) * (0.78 if self.board_layout.usb_top else 0.86)
        p.drawText(
            QRectF(board.left(), y, board.width(), 10),
            Qt.AlignmentFlag.AlignCenter,
            self.board_layout.title,
        )

    def _paint_led(self, p: QPainter, board: QRectF, dark: bool) -> None:
        layout = self.board_layout
        level = self.state.brightness(layout.led)
        centre = (
            QPointF(board.left() + 24, board.top() + 12)
            if layout.usb_top
            else QPointF(board.left() + 30, board.bottom() - 12)
        )
        colour = led_colour(layout.kind, level, True)
        if level > 0.02:  # the glow around a lit LED, as strong as its brightness
            glow = QRadialGradient(centre, 20)
            halo = QColor(colour)
            halo.setAlphaF(0.9 * level)
            glow.setColorAt(0, halo)
            halo.setAlphaF(0)
            glow.setColorAt(1, halo)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(glow)
            p.drawEllipse(centre, 20, 20)
        p.setPen(QPen(QColor(0, 0, 0, 160), 0.5))
        p.setBrush(colour)
        p.drawRect(QRectF(centre.x() - 4, centre.y() - 2.5, 8, 5))
        p.setPen(QColor(235, 235, 235))
        p.setFont(_font(4.5))
        p.drawText(QRectF(centre.x() + 6, centre.y() - 4, 20, 8), "LED")

    def _paint_pin(self, p: QPainter, at: QPointF, gpio: str | None, dark: bool) -> None:
        pad = QColor(212, 175, 55)  # a gold pad; a driven pin shows its level in its middle
        p.setPen(QPen(QColor(0, 0, 0, 140), 0.4))
        p.setBrush(pad)
        p.drawEllipse(at, 3.4, 3.4)
        if gpio is not None and self.state.driven(gpio):
            b = self.state.brightness(gpio)
            high = QColor(255, 70, 40)
            low = QColor(60, 60, 70)
            p.setBrush(
                QColor(
                    round(low.red() + (high.red() - low.red()) * b),
                    round(low.green() + (high.green() - low.green()) * b),
                    round(low.blue() + (high.blue() - low.blue()) * b),
                )
            )
            p.drawEllipse(at, 2.2, 2.2)
        else:
            p.setBrush(QColor(40, 40, 40))
            p.drawEllipse(at, 1.3, 1.3)


def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
