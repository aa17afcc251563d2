"""The console's place in the main window: dock, Run/Stop/reboot/main.py, port selector, status.

``MainWindow._setup_console()`` builds one :class:`ConsolePanel`; everything between the
window's actions, the ConsoleWidget and the SessionController is connected here.
"""

from __future__ import annotations

import importlib.util
import posixpath
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox

from ide.core.explain import explain
from ide.text import Message
from ide.ui import translate_message
from ide.ui.board.connection import PortSelector, SessionStatus, choose_initial_port
from ide.ui.board.session_controller import RUNNING, SessionController
from ide.ui.board.states import SIMULATOR
from ide.ui.console.input_watch import InputWatch
from ide.ui.console.widget import ConsoleWidget

MAIN_PY = "/main.py"


class ConsolePanel(QObject):
    """Connects the window, the console and the controller."""

    def __init__(self, window: Any, controller: SessionController) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.console = ConsoleWidget(window, explainer=self._explain)
        self.dock = window.add_bottom_dock(self.console, self.tr("Console"), "ConsoleDock")
        self._error_box: QMessageBox | None = None
        self._pending_run: tuple[str, str] | None = None  # F5 pressed while connecting
        self._link_up = False  # connected since the console last said a link was lost
        self._reset_box: QMessageBox | None = None
        self.input_watch = InputWatch(self, window, controller, self.console)

        self.port_selector = PortSelector(window)
        self.port_label = QLabel(self.tr("Board:"), window)
        self.port_label.setContentsMargins(12, 0, 4, 0)
        toolbar = getattr(window, "toolbar", None)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addWidget(self.port_label)
            toolbar.addWidget(self.port_selector)
        else:
            window.statusBar().addPermanentWidget(self.port_selector)
        self.status = SessionStatus(window)
        window.statusBar().addPermanentWidget(self.status)

        c = controller
        c.console_bytes.connect(self.console.feed)
        c.console_bytes.connect(self.input_watch.output)
        c.state_changed.connect(self._on_state)
        c.connected.connect(self._on_connected)
        c.disconnected.connect(self._on_disconnected)
        c.gave_up.connect(self.console.note)  # "did not come back…": kept where it is seen
        c.board_opening.connect(self.console.end_line)  # the next banner starts a new line
        c.reconnecting.connect(self._on_reconnecting)
        c.error.connect(self.show_error)
        c.stop_ignored.connect(self._offer_hard_reset)
        self.console.keys_typed.connect(c.send_keys)
        self.console.keys_typed.connect(self.input_watch.typed)
        self.console.interrupt_requested.connect(c.stop)
        self.console.interrupt_requested.connect(self.console.user_stopped)
        self.console.soft_reboot_requested.connect(c.soft_reboot)
        self.console.link_activated.connect(self._goto)
        self.port_selector.port_chosen.connect(self.choose_port)
        self.port_selector.network_requested.connect(lambda: self.ask_network_board())
        self._show_network_addresses()

        window.run_action.triggered.connect(self.run)
        window.stop_action.triggered.connect(c.stop)
        window.stop_action.triggered.connect(self.console.user_stopped)  # old lines skipped
        window.soft_reboot_action.triggered.connect(c.soft_reboot)
        window.hard_reset_action.triggered.connect(c.hard_reset)
        window.save_main_action.triggered.connect(self.save_as_main)
        closing = getattr(window, "closing", None)
        if closing is not None:
            closing.connect(c.shutdown)
        self._on_state(c.state)

    # -- connection ----------------------------------------------------------------------

    def connect_at_start(self, port: str | None = None, delay_ms: int = 30) -> None:
        """Connect as the app starts: ``port`` if given, else the remembered/likely one.

        Done from the event loop, a moment after the window is shown: scanning ports imports
        the serial backend, which the first paint need not wait for."""
        QTimer.singleShot(delay_ms, lambda: self._connect_at_start(port))

    def _connect_at_start(self, port: str | None) -> None:
        if not port:
            self.port_selector.refresh()
            saved = self._preferences_port()
            port = choose_initial_port(self.port_selector.ports, saved)
        if port != SIMULATOR:
            # a plain `hotaru` may have begun the simulator on the guess that it would be
            # chosen (ide.__main__): a board was chosen (or none yet), so it is not needed
            from ide.simulator import early

            early.discard()
        if port:
            self.port_selector.set_current_port(port)
            self.controller.connect_port(port)

    def _settings(self) -> Any:
        prefs = getattr(self.window, "preferences", None)
        return getattr(prefs, "settings", None)

    def _show_network_addresses(self) -> None:
        from ide.ui.board.network import recent_addresses

        store = self._settings()
        if store is not None:
            self.port_selector.set_network_addresses(recent_addresses(store))

    def ask_network_board(self, address: str = "") -> None:
        """For "Network (WebREPL)…": ask for the address and password, then connect."""
        from ide.ui.board.network import ask_network_board

        store = self._settings()
        answer = ask_network_board(self.window, store, address) if store is not None else None
        self.port_selector.set_current_port(self.controller.port)
        if answer is None:
            return
        url, password = answer
        self.controller.set_password(url, password)
        self._show_network_addresses()
        self.port_selector.set_current_port(url)
        self.choose_port(url)

    def choose_port(self, port: str) -> None:
        if port.startswith("ws://") and not self.controller.has_password(port):
            from ide.ui.board.network import stored_password

            saved = stored_password(port)
            if saved is None:
                self.ask_network_board(port)  # the password is asked, then it connects
                return
            self.controller.set_password(port, saved)
        self._remember(port)
        if port != self.controller.port or not self.controller.is_connected():
            self.controller.connect_port(port)

    def _preferences_port(self) -> str | None:
        prefs = getattr(self.window, "preferences", None)
        return (getattr(prefs, "last_port", "") or None) if prefs is not None else None

    def _remember(self, port: str) -> None:
        prefs = getattr(self.window, "preferences", None)
        if prefs is not None:
            prefs.last_port = port

    def _on_connected(self, port: str, description: str) -> None:
        self._link_up = True
        self.port_selector.set_current_port(port)
        if port == "simulator" and not description:
            description = self.tr("Simulator")
        self.status.set_board(description)
        self._remember(port)
        # the board's name: its whole description (with the version) is in the indicator
        # beside the message, and both at full length did not fit a 1366 px window
        board = self.controller.board_name or description or port
        self.window.statusBar().showMessage(
            self.tr("Connected to {board}.").format(board=board), 5000
        )
        if self._pending_run is not None:
            self._start(*self._pending_run)

    def _on_disconnected(self, reason: str) -> None:
        self._pending_run = None
        self.console.end_line()  # whatever answers next starts on a line of its own
        self.window.statusBar().showMessage(reason, 8000)

    def _on_reconnecting(self, port: str) -> None:
        if self._link_up:  # (a port that never opened had no connection to lose)
            # said where the output stopped: the status bar's words go in a second, and a
            # program's output simply ending, then a new banner, left the beginner guessing
            self._link_up = False
            self.console.note(self.tr("The connection to the board was lost."))
        self.console.end_line()
        self.window.statusBar().showMessage(
            self.tr("Lost the connection to {port}; reconnecting when it is back…").format(
                port=port
            )
        )

    def _on_state(self, state: str) -> None:
        self.status.set_state(state)
        if state == "connecting":
            self._link_up = False  # a port being opened: no link of it to lose yet
        if self.controller.port:
            # The Board box shows the port the controller is on (or trying), whoever chose it:
            # the install wizard hands its own port back on Finish and on Cancel.
            self.port_selector.set_current_port(self.controller.port)
        if state != "disconnected":
            self.status.set_board(self.controller.description)
        running = state == RUNNING
        self.input_watch.state_changed(running)
        self.console.repl_mode = not running
        # Stop, reboot and main.py stay enabled: used while disconnected they say what to do.
        self.window.run_action.setEnabled(not running)

    # -- run, stop, main.py ----------------------------------------------------------------

    def run(self) -> None:
        """F5: check the syntax here, then run the current script on the board.

        With no board connected yet, connect to the port chosen in the selector (the simulator
        on a first start) and run as soon as it answers."""
        tabs = self.window.editor_tabs
        if self.controller.is_running():
            return
        if not tabs.check_syntax():
            return
        code, name = tabs.current_text(), tabs.current_name()
        if self.controller.is_connected():
            self._start(code, name)
            return
        if self.controller.state == "reconnecting":
            # the board was lost under us: say so now, rather than run on whatever comes back
            self.show_error(self.controller.lost_message())
            return
        port = self.controller.port or self.port_selector.current_port()
        if port is None:
            self.show_error(self.controller.not_connected_message())
            return
        self._pending_run = (code, name)
        if self.controller.state != "connecting":
            self.choose_port(port)

    def run_file(self, code: str, path: str) -> None:
        """Run a board file's text (the Files pane's Run): shown as "Run name.py" and its
        tracebacks linked to that board file, as a Run of its tab would be. Nothing when a
        program started meanwhile (F5 while the file was read): that run keeps its name."""
        if self.controller.is_running():
            return
        self._start(code, path, script=path)

    def _start(self, code: str, name: str, script: str | None = None) -> None:
        self._pending_run = None
        shown = posixpath.basename(name)
        # The links of this run's tracebacks go to this very document, whatever runs later.
        if script is None:
            doc = self.window.editor_tabs.document()
            script = str(doc.local_path) if doc is not None and doc.local_path else name
        self.console.start_program(self.tr("Run {name}").format(name=shown), script, shown)
        self.input_watch.program_started(code)
        # a clean board first unless the window's Settings keep the state between runs
        prefs = getattr(self.window, "preferences", None)
        fresh = None if prefs is None else not prefs.keep_board_state
        self.controller.run_program(code, name, fresh=fresh)

    def save_as_main(self) -> None:
        tabs = self.window.editor_tabs
        if not self.controller.is_connected():
            self.show_error(self.controller.not_connected_message())
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Save to board as main.py"))
        box.setText(
            self.tr("The board runs main.py by itself every time it is powered on or reset.")
        )
        box.setInformativeText(
            self.tr(
                "Save this script on the board as main.py? A main.py already there is replaced."
            )
        )
        save = box.addButton(self.tr("Save as main.py"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is not save:
            return
        from ide.ui.editor.saving import stopped_first

        if not stopped_first(tabs):  # a running program would hold the save until it ends
            return
        self.save_text_as_main(tabs.current_text())

    def save_text_as_main(self, text: str) -> None:
        data = text.encode("utf-8")

        def done(_result: object) -> None:
            self.window.statusBar().showMessage(
                self.tr("Saved as main.py on the board: it runs each time the board starts."),
                8000,
            )
            self.controller.files_changed.emit()

        self.controller.submit(lambda s: s.write_file(MAIN_PY, data), done)

    def _offer_hard_reset(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("The program does not stop"),
            self.tr(
                "The program on the board ignored Ctrl-C (Stop). Reset the board? "
                "This restarts it as if it was unplugged; variables are lost."
            ),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        # Its own words, not Qt's standard "Reset" (重置 in Chinese reads as "wipe the board")
        reset = box.addButton(self.tr("Hard reset"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(reset)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rescue = box.addButton(self.tr("Rescue board…"), QMessageBox.ButtonRole.ActionRole)
        rescue.clicked.connect(self._open_rescue)

        def answered(button: QAbstractButton) -> None:
            if button is reset:
                self.controller.hard_reset()

        box.buttonClicked.connect(answered)
        box.open()  # window-modal, never a nested event loop
        self._reset_box = box

    # -- console helpers ---------------------------------------------------------------------

    def _goto(self, filename: str, line: int) -> None:
        # (A run's "<stdin>" links already name its own script: see start_program.)
        self.window.editor_tabs.goto_line(filename, line)

    def _explain(self, traceback_text: str) -> str | None:
        result = explain(traceback_text, self.controller.board_name or None)
        return translate_message(result) if result is not None else None

    def show_error(self, msg: Message | str) -> None:
        """A dialog that says what went wrong and what to do (window-modal, non-blocking)."""
        text = translate_message(msg)
        # (Closed boxes delete themselves and _error_closed forgets them: a wrapper of a deleted
        # box raised RuntimeError here, so every error after the first was lost.)
        if self._error_box is not None and self._error_box.isVisible():
            if self._error_box.text() != text:
                self.window.statusBar().showMessage(text, 8000)
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Board"))
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._not_micropython(self.controller.last_exception):
            box.setInformativeText(
                self.tr("If this board does not have MicroPython yet, install it first.")
            )
            install = box.addButton(
                self.tr("Install MicroPython…"), QMessageBox.ButtonRole.ActionRole
            )
            install.clicked.connect(self._open_installer)
        if self._connection_trouble(self.controller.last_exception):
            doctor = box.addButton(
                self.tr("Connection doctor…"), QMessageBox.ButtonRole.ActionRole
            )
            doctor.clicked.connect(self._open_doctor)
        box.addButton(QMessageBox.StandardButton.Ok)
        self.controller.last_exception = None
        self._error_box = box
        box.finished.connect(lambda _result, box=box: self._error_closed(box))
        box.open()

    def _error_closed(self, box: QMessageBox) -> None:
        if self._error_box is box:
            self._error_box = None

    def _not_micropython(self, exc: BaseException | None) -> bool:
        if exc is None or importlib.util.find_spec("ide.ui.firmware") is None:
            return False
        diagnosis = getattr(exc, "diagnosis", None)
        return diagnosis in ("silent", "bootloader", "garbage")

    @staticmethod
    def _connection_trouble(exc: BaseException | None) -> bool:
        """Connecting failed for a reason the connection doctor can name."""
        from ide.board.errors import Disconnected, NotResponding, PermissionDenied, PortBusy

        return isinstance(exc, Disconnected | NotResponding | PermissionDenied | PortBusy)

    def _open_rescue(self) -> None:
        from ide.ui.rescue import open_rescue

        open_rescue(self.window)

    def _open_doctor(self) -> None:
        from ide.ui.doctor import open_doctor

        open_doctor(self.window)

    def _open_installer(self) -> None:
        from ide.ui.firmware import open_install_wizard

        open_install_wizard(self.window, self.controller)


def setup_console(window: Any) -> ConsolePanel:
    """Called by MainWindow._setup_console()."""
    if window.controller is None:
        window.controller = SessionController(window)  # the setter hands it to the tabs too
    return ConsolePanel(window, window.controller)
