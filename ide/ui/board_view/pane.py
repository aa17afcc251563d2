"""The Board view: the simulated board drawn live, and a strip of parts wired to its pins.

About 30 times a second (a QTimer on the GUI thread) it reads what the running simulator's
program did since the last frame (BoardState.follow: a slice of events, however many came) and
repaints only when something changed, so a tight toggle loop never floods the GUI. The parts
talk back to the simulator: a held button sets its pin's level (Pin.value(), Pin.irq edges), a
slider sets what ADC.read_u16() reads.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ide.core.board_view import LAYOUTS, BoardState, pressed_level, released_level
from ide.ui.board_view.drawing import BoardDrawing, led_colour

BOARD_KEY = "simulator/board"  # the settings key of the board chosen in the view
FRAME_MS = 33  # ~30 frames a second: smooth to the eye, light on a 2-core machine
# the tags of the parts on the drawing's pins (white text on these)
PART_COLOURS = {
    "led": QColor(205, 60, 30),
    "button": QColor(40, 90, 180),
    "pot": QColor(0, 125, 120),
    "buzzer": QColor(130, 60, 160),
}
LEGIBLE_BOARD_HEIGHT = 250  # pixels: the header's labels are ~7 px high at this size


class LedDot(QWidget):
    """A small round LED for the parts strip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brightness = 0.0
        self.setFixedSize(QSize(18, 18))

    def set_brightness(self, value: float) -> None:
        if value != self.brightness:
            self.brightness = value
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        p.setPen(QPen(QColor(0, 0, 0, 150), 1))
        p.setBrush(led_colour("", self.brightness, dark))
        p.drawEllipse(2, 2, 14, 14)
        p.end()


class PixelStrip(QWidget):
    """A NeoPixel strip: one round pixel per colour the program wrote."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours: list[list[int]] = []
        self.setMinimumHeight(18)

    def set_colours(self, colours: list[list[int]]) -> None:
        if colours != self.colours:
            self.colours = colours
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(0, 0, 0, 150), 1))
        count = max(1, len(self.colours))
        size = min(16.0, (self.width() - 2) / count - 2)
        for i, rgb in enumerate(self.colours or [[0, 0, 0]]):
            r, g, b = (max(0, min(255, int(c))) for c in (rgb + [0, 0, 0])[:3])
            # an unlit pixel stays visible (grey); a lit one shows its colour at full strength
            p.setBrush(QColor(r, g, b) if r or g or b else QColor(120, 120, 120))
            p.drawEllipse(int(1 + i * (size + 2)), 1, int(size), int(size))
        p.end()


class PinBox(QComboBox):
    """Chooses the GPIO a part is wired to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def set_pins(self, pins: list[int], preferred: int) -> None:
        self.blockSignals(True)
        self.clear()
        for n in pins:
            self.addItem(str(n), str(n))
        index = self.findData(str(preferred))
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def gpio(self) -> str:
        return str(self.currentData())


class BoardViewPane(QWidget):
    """The dock's widget. ``state`` is what is drawn; ``controller`` gives the simulator."""

    board_touched = Signal()  # the program drove a pin for the first time (the dock shows)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Board view"))
        self.controller = controller
        self.state = BoardState()
        self._board: Any = None  # the VirtualBoard the state follows
        kind = getattr(controller, "simulated_board", "pico")
        layout = LAYOUTS.get(kind, LAYOUTS["pico"])

        self.board_box = QComboBox(self)
        self.board_box.setToolTip(self.tr("The board the simulator pretends to be"))
        for name, key in (("Raspberry Pi Pico", "pico"), ("ESP32 DevKit", "esp32")):
            self.board_box.addItem(name, key)
        self.board_box.setCurrentIndex(self.board_box.findData(layout.kind))
        self.board_box.currentIndexChanged.connect(self._board_chosen)
        self.drawing = BoardDrawing(layout, self.state, self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Simulated board:"), self))
        top.addWidget(self.board_box, 1)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.note)
        # the board above, the parts below (scrolling when the dock is short); the user can
        # move the divider, the board gets the larger share at first
        self.parts = QScrollArea(self)
        self.parts.setWidgetResizable(True)
        self.parts.setFrameShape(QFrame.Shape.NoFrame)
        self.parts.setWidget(self._parts_strip())
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.drawing)
        self.splitter.addWidget(self.parts)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        # Until the user drags the divider, every part's row stays in sight (a buzzer or DHT
        # row scrolled out of sight was never found) and the board, which scales, takes the
        # rest. The user's own divider wins afterwards.
        self._divider_moved = False
        self.splitter.splitterMoved.connect(self._user_moved_divider)
        column.addWidget(self.splitter, 1)
        self._apply_layout(layout.kind)

        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.frame)
        self.timer.start()

    # ------------------------------------------------------------------ parts strip
    def _parts_strip(self) -> QWidget:
        group = QGroupBox(self.tr("Parts"), self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)  # compact: the board above keeps more of the dock
        form.setContentsMargins(6, 4, 6, 4)

        self.led_pin = PinBox(group)
        self.led_dot = LedDot(group)
        form.addRow(self.tr("LED on pin"), _row(self.led_pin, self.led_dot))

        self.button_pin = PinBox(group)
        self.button = QPushButton(self.tr("Press"), group)
        self.button.setToolTip(self.tr("Hold to keep the button pressed"))
        self.button.pressed.connect(self._press)
        self.button.released.connect(self._release)
        form.addRow(self.tr("Button on pin"), _row(self.button_pin, self.button))

        self.pot_pin = PinBox(group)
        self.pot = QSlider(Qt.Orientation.Horizontal, group)
        self.pot.setRange(0, 65535)
        self.pot.setValue(32768)
        self.pot.setToolTip(self.tr("Turn the potentiometer: ADC.read_u16() reads this"))
        self.pot.valueChanged.connect(lambda _v: self._send_pot())
        self.pot_pin.currentIndexChanged.connect(lambda _i: self._send_pot())
        form.addRow(self.tr("Potentiometer on pin"), _row(self.pot_pin, self.pot))

        self.buzzer_pin = PinBox(group)
        self.tone = QLabel(group)
        form.addRow(self.tr("Buzzer on pin"), _row(self.buzzer_pin, self.tone))
        self._show_tone()

        self.pixels = PixelStrip(group)
        form.addRow(self.tr("NeoPixel strip"), self.pixels)

        self.dht_t = QSlider(Qt.Orientation.Horizontal, group)
        self.dht_t.setRange(0, 50)
        self.dht_t.setValue(24)
        self.dht_h = QSlider(Qt.Orientation.Horizontal, group)
        self.dht_h.setRange(0, 100)
        self.dht_h.setValue(50)
        self.dht_label = QLabel(group)
        self.dht_t.valueChanged.connect(lambda _v: self._send_dht())
        self.dht_h.valueChanged.connect(lambda _v: self._send_dht())
        form.addRow(self.tr("DHT sensor"), _row(self.dht_t, self.dht_h, self.dht_label))

        self.temperature = QSlider(Qt.Orientation.Horizontal, group)
        self.temperature.setRange(0, 50)
        self.temperature.setValue(27)
        self.temperature_label = QLabel(group)
        self.temperature.valueChanged.connect(lambda _v: self._send_temperature())
        self._temperature_row = _row(self.temperature, self.temperature_label)
        form.addRow(self.tr("Room temperature"), self._temperature_row)
        self._form = form
        for box in (self.led_pin, self.button_pin, self.pot_pin, self.buzzer_pin):
            box.currentIndexChanged.connect(lambda _i: self._show_wiring())
        self._send_temperature()
        self._send_dht()
        return group

    def _apply_layout(self, kind: str) -> None:
        layout = LAYOUTS[kind]
        self.drawing.board_layout = layout
        pins = layout.gpios
        # an LED or a buzzer needs a pin that can drive it (not an ESP32's 34-39)
        self.led_pin.set_pins(layout.outputs, 15)
        self.button_pin.set_pins(pins, 14)
        self.pot_pin.set_pins(pins, 26 if kind == "pico" else 34)
        self.buzzer_pin.set_pins(layout.outputs, 16 if kind == "pico" else 4)
        # the temperature sensor on ADC 4 is the Pico's
        self._form.setRowVisible(self._temperature_row, kind == "pico")
        self._show_wiring()
        self._fit_parts()
        self.drawing.update()

    def _show_wiring(self) -> None:
        """Tag the drawing's pins with the parts the strip wires to them."""
        wired: dict[str, list[tuple[str, QColor]]] = {}
        for box, text, colour in (
            (self.led_pin, self.tr("LED"), PART_COLOURS["led"]),
            (self.button_pin, self.tr("Button"), PART_COLOURS["button"]),
            (self.pot_pin, self.tr("Potentiometer"), PART_COLOURS["pot"]),
            (self.buzzer_pin, self.tr("Buzzer"), PART_COLOURS["buzzer"]),
        ):
            wired.setdefault(box.gpio(), []).append((text, colour))
        self.drawing.wired = wired
        self.drawing.update()

    def _user_moved_divider(self, _pos: int, _index: int) -> None:
        self._divider_moved = True

    def _fit_parts(self) -> None:
        """Give the parts their whole height (as far as the board keeps its least size)."""
        if self._divider_moved:
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        strip = self.parts.widget()
        strip.adjustSize()
        wanted = strip.sizeHint().height() + 2 * self.parts.frameWidth()
        # the board keeps a height at which its pin labels can be read; in a shorter dock the
        # parts scroll rather than the labels shrinking to dots
        board = max(self.drawing.minimumHeight(), min(LEGIBLE_BOARD_HEIGHT, total // 2))
        parts = max(0, min(wanted, total - board))
        self.splitter.blockSignals(True)
        self.splitter.setSizes([total - parts, parts])
        self.splitter.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_parts()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_parts()

    # ------------------------------------------------------------------ talking to the board
    def _board_chosen(self, _index: int) -> None:
        kind = str(self.board_box.currentData())
        self._apply_layout(kind)
        self.controller.set_simulated_board(kind)

    def _press(self) -> None:
        board = self.controller.simulator
        if board is not None:
            pin = self.button_pin.gpio()
            board.set_pin(pin, pressed_level(self.state.pull(pin)))

    def _release(self) -> None:
        board = self.controller.simulator
        if board is not None:
            pin = self.button_pin.gpio()
            has_pulls = int(pin) not in self.drawing.board_layout.input_only
            board.set_pin(pin, released_level(self.state.pull(pin), has_pulls))

    def _send_pot(self) -> None:
        board = self.controller.simulator
        if board is not None:
            board.set_input(f"adc:{self.pot_pin.gpio()}", self.pot.value())

    def _send_temperature(self) -> None:
        self.temperature_label.setText(self.tr("{0} °C").format(self.temperature.value()))
        board = self.controller.simulator
        if board is not None:
            board.set_input("adc:temp", self.temperature.value())

    def _send_dht(self) -> None:
        t, h = self.dht_t.value(), self.dht_h.value()
        self.dht_label.setText(self.tr("{0} °C, {1} %").format(t, h))
        board = self.controller.simulator
        if board is not None:
            board.set_input("dht:t", t)
            board.set_input("dht:h", h)

    def _show_tone(self) -> None:
        hz = self.state.tone(self.buzzer_pin.gpio())
        self.tone.setText(self.tr("♪ {0} Hz").format(hz) if hz else self.tr("silent"))

    # ------------------------------------------------------------------ each frame
    def frame(self) -> None:
        """Follow the simulator one frame (the QTimer calls this ~30 times a second)."""
        board = self.controller.simulator
        if board is not self._board:
            self._new_board(board)
        if board is None:
            return
        if not self.state.follow(board):
            return
        if self.state.touched and not self._touched:
            self._touched = True
            self.board_touched.emit()
        self._follow_adc()
        self.led_dot.set_brightness(self.state.brightness(self.led_pin.gpio()))
        strips = [v for k, v in sorted(self.state.parts.items()) if k.startswith("neopixel:")]
        if strips and isinstance(strips[0], list):
            self.pixels.set_colours(strips[0])
        self._show_tone()
        self.drawing.update()

    _touched = False
    _adc_followed: frozenset[str] = frozenset()  # ADC pins the running program was seen reading

    def _follow_adc(self) -> None:
        """The program begins to read an ADC pin the potentiometer is not on: wire it there (a
        kit's lesson says which pin; the slider would otherwise change nothing). Only when it
        begins to: a pin the user picks afterwards stays theirs until the next run."""
        read = {k[4:] for k, v in self.state.parts.items() if k.startswith("adc:") and v}
        new = read - self._adc_followed
        self._adc_followed = frozenset(read)  # (a reset clears what the last run read)
        if not new or self.pot_pin.gpio() in read:
            return
        for gpio in sorted(new):
            index = self.pot_pin.findData(gpio)
            if index >= 0:
                self.pot_pin.setCurrentIndex(index)  # (sends the slider's value there)
                return

    def _new_board(self, board: Any) -> None:
        """The simulator started, restarted or stopped: start from a fresh state."""
        self._board = board
        self.state = BoardState()
        self.drawing.state = self.state
        self._touched = False
        self._adc_followed = frozenset()
        if board is None:
            self.note.setText(self.tr("Connect to the simulator to see its board here."))
            self.note.show()
        else:
            kind = getattr(board, "board", None) or "pico"
            if kind != self.board_box.currentData():
                self.board_box.blockSignals(True)
                self.board_box.setCurrentIndex(self.board_box.findData(kind))
                self.board_box.blockSignals(False)
                self._apply_layout(kind)
            self.note.hide()
            self._send_pot()
            self._send_temperature()
            self._send_dht()
        self.led_dot.set_brightness(0.0)
        self.pixels.set_colours([])
        self._show_tone()
        self.drawing.update()


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        line.addWidget(w, 1 if isinstance(w, QSlider | QComboBox) else 0)
    return row


def build_board_view(window: Any) -> BoardViewPane:
    """The pane in its dock (right of the editor; hidden until a program drives a pin on the
    simulator, or View > Board view)."""
    settings = window.preferences.settings
    kind = str(settings.value(BOARD_KEY, "pico"))
    if kind in LAYOUTS and kind != window.controller.simulated_board:
        window.controller.set_simulated_board(kind)  # the board chosen last time
    pane = BoardViewPane(window.controller, window)
    pane.board_box.currentIndexChanged.connect(
        lambda _i: settings.setValue(BOARD_KEY, pane.board_box.currentData())
    )
    dock = window.add_dock(
        pane, pane.windowTitle(), Qt.DockWidgetArea.RightDockWidgetArea, "BoardViewDock"
    )

    def show_once() -> None:
        # only the first time in this window: a user who closed it afterwards keeps it closed
        if not getattr(pane, "_shown_once", False):
            pane._shown_once = True  # type: ignore[attr-defined]
            dock.show()
            dock.raise_()

    pane.board_touched.connect(show_once)
    return pane
