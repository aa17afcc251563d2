"""The connection doctor's dialog: "plug the board in now" with a live watch of what appears,
then the verdict: one plain sentence, the one thing to do, and the button that does it."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ide.core.board_link import port_present
from ide.core.doctor import Action, Kind, PlugWatch, Verdict, probe, take_snapshot, verdicts
from ide.core.doctor.watch import Snapshot
from ide.ui import translate_message
from ide.ui.board.states import SIMULATOR
from ide.ui.fit import fit_wrapped_labels, refit_on_new_width

TICK_MS = 300  # how often the USB device list, the ports and the UF2 drives are looked at
GIVE_UP_S = 30.0  # nothing at all after this long: the same as "nothing happens"


class DoctorDialog(QDialog):
    """Watch, probe, verdict. ``snapshot`` and ``probe_port`` are replaceable (tests)."""

    _probed = Signal(object)  # a Verdict, from the probe thread

    def __init__(
        self,
        window: Any = None,
        controller: Any = None,
        port: str | None = None,
        *,
        snapshot: Any = take_snapshot,
        probe_port: Any = probe,
        port_present: Any = port_present,
    ) -> None:
        super().__init__(window)
        self.window_ = window
        self.controller = controller
        self.port = port
        self._snapshot = snapshot
        self._probe_port = probe_port
        self._port_present = port_present
        self.verdict: Verdict | None = None
        refit_on_new_width(self, lambda: self.verdict is not None and self._fit_texts())
        self.watch: PlugWatch | None = None
        self._started = 0.0
        self._probing = False
        self.setWindowTitle(self.tr("Connection doctor"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._watch_page())
        self.pages.addWidget(self._checking_page())
        self.pages.addWidget(self._verdict_page())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._probed.connect(self.show_verdict)
        # (bound methods, not lambdas holding `self`: a lambda freed while Qt destroys the
        # dialog, WA_DeleteOnClose, may drop the last reference to it there and crash PySide)
        self.finished.connect(self._stop_watching)

    # -- pages ---------------------------------------------------------------------------------
    @staticmethod
    def _title(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        label.setFont(font)
        label.setWordWrap(True)
        return label

    def _watch_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(self._title(self.tr("Plug the board in now")))
        text = QLabel(
            self.tr(
                "If it is plugged in already, unplug it, wait a moment and plug it in again. "
                "Hotaru watches what appears on this computer and tells you what it means."
            )
        )
        text.setWordWrap(True)
        v.addWidget(text)
        self.seen_label = QLabel()
        self.seen_label.setWordWrap(True)
        self.seen_label.setTextFormat(Qt.TextFormat.PlainText)
        v.addWidget(self.seen_label)
        v.addStretch(1)
        row = QHBoxLayout()
        self.nothing_button = QPushButton(self.tr("It is plugged in, nothing happens"))
        self.nothing_button.clicked.connect(self._give_up)
        row.addWidget(self.nothing_button)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self._check_chosen_port)
        row.addWidget(self.check_button)
        row.addStretch(1)
        v.addLayout(row)
        return page

    def _checking_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.checking_label = self._title("")
        v.addWidget(self.checking_label)
        v.addStretch(1)
        return page

    def _verdict_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.verdict_title = self._title("")
        v.addWidget(self.verdict_title)
        self.sentence_label = QLabel()
        self.sentence_label.setWordWrap(True)
        v.addWidget(self.sentence_label)
        self.todo_label = QLabel()
        self.todo_label.setWordWrap(True)
        font = self.todo_label.font()
        font.setBold(True)
        self.todo_label.setFont(font)
        v.addWidget(self.todo_label)
        row = QHBoxLayout()
        self.command_edit = QLineEdit()
        self.command_edit.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self._copy_command)
        row.addWidget(self.command_edit, 1)
        row.addWidget(self.copy_button)
        self.command_row = QWidget()
        self.command_row.setLayout(row)
        v.addWidget(self.command_row)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setStyleSheet("color: gray")
        v.addWidget(self.detail_label)
        v.addStretch(1)
        actions = QHBoxLayout()
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._act)
        self.again_button = QPushButton(self.tr("Watch again"))
        self.again_button.clicked.connect(self.start_watch)
        actions.addWidget(self.action_button)
        actions.addWidget(self.again_button)
        actions.addStretch(1)
        v.addLayout(actions)
        return page

    def _copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command_edit.text())

    def _stop_watching(self, _result: int = 0) -> None:
        self.timer.stop()

    def _give_up(self) -> None:
        self._decide(gave_up=True)

    # -- the watch -------------------------------------------------------------------------------
    def start_watch(self) -> None:
        """Take the "before" picture and watch for the board."""
        self._release_port()
        self.watch = PlugWatch(self._snapshot())
        self._started = time.monotonic()
        self.verdict = None
        self.check_button.setVisible(bool(self.port))
        if self.port:
            self.check_button.setText(self.tr("Check {port} instead").format(port=self.port))
        self._show_seen(self.watch.last, self.watch)
        self.pages.setCurrentIndex(0)
        self.timer.start()

    def _tick(self) -> None:
        if self.watch is None or self._probing:
            return
        now = time.monotonic()
        self.watch.update(self._snapshot(), now)
        self._show_seen(self.watch.last, self.watch)
        self._decide(gave_up=now - self._started > GIVE_UP_S)

    def _decide(self, gave_up: bool = False) -> None:
        if self.watch is None or self._probing:
            return
        now = time.monotonic()
        verdict = self.watch.verdict(now, gave_up=gave_up)
        if verdict is not None:
            self.show_verdict(verdict)
            return
        port = self.watch.port_to_probe(now)
        if port is not None:
            self.check_port(port)

    def _show_seen(self, snap: Snapshot, watch: PlugWatch) -> None:
        lines: list[str] = []
        for _t, dev in watch.new_usb.values():
            lines.append(
                self.tr("New USB device: {ids} {name}").format(
                    ids=f"{dev.vid:04X}:{dev.pid:04X}", name=dev.product
                )
            )
        for port, seen in watch.new_ports.items():
            if seen.gone is None:
                lines.append(self.tr("New port: {port}").format(port=port))
            else:
                lines.append(self.tr("Port gone again: {port}").format(port=port))
        for drive in watch.new_drives:
            lines.append(self.tr("New drive: {drive}").format(drive=drive))
        self.seen_label.setText("\n".join(lines) or self.tr("Watching… nothing new yet."))

    def _release_port(self) -> None:
        """Close our own session on a serial port, which would hold it while the doctor looks.
        The simulator holds no port: a session on it stays open (it is not what the doctor
        examines)."""
        controller = self.controller
        if controller is not None and controller.is_connected() and controller.port != SIMULATOR:
            controller.disconnect_port()

    def _check_chosen_port(self) -> None:
        if self.port:
            self._release_port()
            if not self._port_present(self.port):
                # not there at all (unplugged since it was last used): opening it failed as
                # "appeared and vanished again", a loose-cable verdict for a port never seen
                self.show_verdict(verdicts.port_missing(self.port))
                return
            self.check_port(self.port)

    def check_port(self, port: str) -> None:
        """Ask ``port`` what it is, on a thread (it takes up to about 3 s)."""
        self._probing = True
        self.timer.stop()
        self.checking_label.setText(self.tr("Asking {port} what it is…").format(port=port))
        self.pages.setCurrentIndex(1)
        threading.Thread(
            target=self._probe_in_thread, args=(port,), daemon=True, name="doctor-probe"
        ).start()

    def _probe_in_thread(self, port: str) -> None:
        verdict = self._probe_port(port)
        try:
            self._probed.emit(verdict)
        except RuntimeError:  # the dialog was closed (and deleted) while the port was asked
            pass

    # -- the verdict ---------------------------------------------------------------------------
    def title_for(self, kind: Kind) -> str:
        titles = {
            Kind.NO_DEVICE: self.tr("The computer does not see the board"),
            Kind.NO_DRIVER: self.tr("A driver is missing"),
            Kind.PERMISSION: self.tr("Not allowed to open the port"),
            Kind.BRLTTY: self.tr("Another service takes the port"),
            Kind.PORT_FLAPS: self.tr("The port comes and goes"),
            Kind.HELD: self.tr("The port is in use"),
            Kind.BOOTLOADER: self.tr("The board waits in its bootloader"),
            Kind.BOOTSEL: self.tr("The Pico is in BOOTSEL mode"),
            Kind.NOT_MICROPYTHON: self.tr("The board does not run MicroPython"),
            Kind.BUSY: self.tr("A program keeps the board busy"),
            Kind.SILENT: self.tr("The board does not answer"),
            Kind.OK: self.tr("The board is fine"),
        }
        return titles[kind]

    def action_text(self, action: Action) -> str | None:
        return {
            Action.INSTALLER: self.tr("Install MicroPython…"),
            Action.RESCUE: self.tr("Rescue the board…"),
            Action.CONNECT: self.tr("Connect"),
        }.get(action)

    def show_verdict(self, verdict: Verdict) -> None:
        self._probing = False
        self.timer.stop()
        self.verdict = verdict
        self.verdict_title.setText(self.title_for(verdict.kind))
        self.sentence_label.setText(translate_message(verdict.sentence))
        self.todo_label.setText(translate_message(verdict.todo))
        self.command_row.setVisible(bool(verdict.command))
        self.command_edit.setText(verdict.command or "")
        detail = verdict.detail
        if detail and verdict.kind in (Kind.NOT_MICROPYTHON, Kind.BUSY):
            detail = self.tr("What the board sent:") + "\n" + detail  # (the probe's bytes)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(verdict.detail))
        text = self.action_text(verdict.action)
        self.action_button.setVisible(text is not None)
        self.action_button.setText(text or "")
        self.pages.setCurrentIndex(2)
        self._fit_texts()

    def _fit_texts(self) -> None:
        """The verdict's wrapped texts get the height they need (the bytes a board sent were
        cut off at the dialog's first height)."""
        labels = (self.verdict_title, self.sentence_label, self.todo_label, self.detail_label)
        fit_wrapped_labels(self, labels)

    def _act(self) -> None:
        verdict = self.verdict
        if verdict is None:
            return
        parent = self.window_
        if verdict.action == Action.INSTALLER:
            from ide.ui.firmware import open_install_wizard

            self.accept()
            open_install_wizard(parent, self.controller)
        elif verdict.action == Action.RESCUE:
            self.accept()
            rescue = getattr(parent, "rescue_action", None)
            if rescue is not None:
                rescue.trigger()
        elif verdict.action == Action.CONNECT and verdict.port and self.controller is not None:
            self.accept()
            self.controller.connect_port(verdict.port)


def open_doctor(window: Any) -> DoctorDialog:
    """Help > Connection doctor…: window-modal, starts watching at once."""
    controller = getattr(window, "controller", None)
    port = controller.port if controller is not None else None
    from ide.ui.board.connection import PortSelector

    selector = window.findChild(PortSelector) if window is not None else None
    if port is None and selector is not None:
        port = selector.current_port()
    if port == SIMULATOR:
        port = None  # the doctor examines USB and serial ports; the simulator is neither
    dialog = DoctorDialog(window, controller, port)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.start_watch()
    dialog.open()
    return dialog
