"""Choosing the board: the port selector, the start-up choice, and the status-bar indicator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ide.board.ports import CTX as PORTS_CTX
from ide.board.ports import NEEDS_USB_DRIVERS, NO_BOARD_FOUND, usb_driver_hint
from ide.text import message
from ide.ui import translate_message
from ide.ui.board.session_controller import SIMULATOR


def scan_ports() -> list[Any]:
    """ide.board.list_ports(), or [] when the scan fails (no boards shown rather than a crash)."""
    try:
        from ide.board import list_ports
    except ImportError:
        return []
    try:
        return list(list_ports())
    except Exception:  # noqa: BLE001 - a failing scan shows no boards rather than crashing
        return []


def choose_initial_port(ports: Sequence[Any], saved: str | None) -> str | None:
    """The port to connect to at start-up.

    The remembered port if it is plugged in; else the one known board if there is exactly
    one; else the simulator, so a newcomer with no board can run code at once. With several
    known boards and none remembered, None: the user picks.
    """
    devices = {p.device for p in ports}
    if saved and saved != SIMULATOR and saved in devices:
        return saved
    known = [p for p in ports if getattr(p, "likely", bool(getattr(p, "board", None)))]
    if len(known) == 1:
        return known[0].device
    if not known:
        return SIMULATOR
    if saved == SIMULATOR:
        return SIMULATOR
    return None


NETWORK = "webrepl:"  # the item that asks for a WebREPL address (never a port name)


class PortSelector(QComboBox):
    """Boards by the names list_ports() gives them, then "Simulator (no board)"."""

    port_chosen = Signal(str)  # the user picked a port (device path, "simulator", ws://…)
    network_requested = Signal()  # the user picked "Network (WebREPL)…"

    RESCAN_MS = 2000

    def __init__(
        self, parent: QWidget | None = None, scan: Callable[[], list[Any]] = scan_ports
    ) -> None:
        super().__init__(parent)
        self.setObjectName("portSelector")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(18)
        self.needs_usb_driver = NEEDS_USB_DRIVERS  # tests set it to see the Windows words
        self._scan = scan
        self._ports: list[Any] = []
        self._network: list[str] = []  # recent WebREPL addresses (ws://HOST:PORT)
        self.activated.connect(self._on_activated)
        self._fill()
        # The first scan waits for connect_at_start(), the popup or the timer: importing the
        # serial backend is not worth delaying the window's first paint for.
        self._timer = QTimer(self)
        self._timer.setInterval(self.RESCAN_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    @property
    def ports(self) -> list[Any]:
        return list(self._ports)

    def refresh(self) -> None:
        """Rescan the ports; keep the current choice selected."""
        ports = self._scan()
        if [(p.device, getattr(p, "board", None)) for p in ports] == [
            (p.device, getattr(p, "board", None)) for p in self._ports
        ] and self.count():
            return
        self._ports = ports
        self._fill()

    def _fill(self) -> None:
        current = self.current_port()
        # (activated, hence port_chosen, comes from the user only, never from these calls)
        self.clear()
        for p in self._ports:
            self.addItem(self._label(p), p.device)
            self.setItemData(
                self.count() - 1,
                getattr(p, "description", "") or p.device,
                Qt.ItemDataRole.ToolTipRole,
            )
        self.addItem(self.tr("Simulator (no board)"), SIMULATOR)
        self.setItemData(
            self.count() - 1,
            self.tr("A virtual board running real MicroPython"),
            Qt.ItemDataRole.ToolTipRole,
        )
        for url in self._network:
            self.addItem(url.removeprefix("ws://"), url)
            self.setItemData(
                self.count() - 1,
                self.tr("A board over Wi-Fi (WebREPL)"),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.addItem(self.tr("Network (WebREPL)…"), NETWORK)
        if current:
            self.set_current_port(current)
        self.setToolTip(self._tip())

    def _tip(self) -> str:
        """What the selector is; with no board among the ports, what to try (and, on Windows
        and macOS, the CH340/CP210x driver): the same words as the install wizard's."""
        tip = self.tr("The board Hotaru talks to")
        if any(getattr(p, "likely", bool(getattr(p, "board", None))) for p in self._ports):
            return tip
        found = [message(PORTS_CTX, NO_BOARD_FOUND), usb_driver_hint(self.needs_usb_driver)]
        return "\n\n".join([tip, *(translate_message(m) for m in found if m is not None)])

    def set_network_addresses(self, urls: list[str]) -> None:
        """The WebREPL addresses to list (recently used ones, newest first)."""
        if urls != self._network:
            self._network = list(urls)
            self._fill()

    def _label(self, port: Any) -> str:
        board_message = getattr(port, "board_message", None)
        if board_message is not None:
            name = translate_message(board_message)
        else:
            name = getattr(port, "board", None) or getattr(port, "description", None) or ""
        if name and name != port.device:
            return self.tr("{board} ({port})").format(board=name, port=port.device)
        return port.device

    def current_port(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_current_port(self, port: str | None) -> None:
        """Select ``port`` without emitting port_chosen (a vanished port stays listed)."""
        if not port:
            return
        index = self.findData(port)
        if index < 0:
            self.insertItem(self.count() - 1, port.removeprefix("ws://"), port)
            index = self.findData(port)
        self.setCurrentIndex(index)

    def showPopup(self) -> None:  # noqa: N802 - Qt name
        self.refresh()
        super().showPopup()

    def _on_activated(self, index: int) -> None:
        port = self.itemData(index)
        if port == NETWORK:
            self.network_requested.emit()  # the panel asks; the box shows what it connects to
        elif port:
            self.port_chosen.emit(str(port))


class SessionStatus(QWidget):
    """Status bar: a coloured dot and "board · MicroPython version — state"."""

    COLOURS = {
        "disconnected": "#9ca3af",
        "connecting": "#f59e0b",
        "idle": "#22c55e",
        "running": "#3b82f6",
        "busy": "#f59e0b",
        "reconnecting": "#f59e0b",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        self.dot = QLabel("●", self)
        self.board_label = QLabel(self)
        self.state_label = QLabel(self)
        layout.addWidget(self.dot)
        layout.addWidget(self.board_label)
        layout.addWidget(self.state_label)
        self.set_state("disconnected")

    def state_text(self, state: str) -> str:
        return {
            "disconnected": self.tr("disconnected"),
            "connecting": self.tr("connecting…"),
            "idle": self.tr("idle"),
            "running": self.tr("running"),
            "busy": self.tr("busy"),
            "reconnecting": self.tr("connection lost, reconnecting…"),
        }.get(state, state)

    BOARD_MAX_LETTERS = 62  # the description is shortened ("…") beyond this many "n"s

    def set_board(self, description: str) -> None:
        """Show the board's description, shortened with "…" when long (a preview build's
        version is ~40 letters alone); the whole of it is the tool tip."""
        metrics = self.board_label.fontMetrics()
        room = metrics.horizontalAdvance("n" * self.BOARD_MAX_LETTERS)
        self.board_label.setText(
            metrics.elidedText(description, Qt.TextElideMode.ElideRight, room)
        )
        self.board_label.setToolTip(description)
        self.board_label.setVisible(bool(description))

    def set_state(self, state: str) -> None:
        self.dot.setStyleSheet(f"color: {self.COLOURS.get(state, '#9ca3af')};")
        self.state_label.setText(self.state_text(state))
        if state == "disconnected":
            self.set_board("")
