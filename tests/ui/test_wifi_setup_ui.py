"""Tools > Set up Wi-Fi and WebREPL… on the virtual board: the diff is shown before anything is
written, the files read back, and a board without a network module is said in words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from ide.board import connect
from ide.core import webrepl_setup as ws
from ide.ui.board.wifi_setup import WifiSetupDialog


class SyncController:
    """The controller's submit() contract, run at once on a real session (the worker's order
    and threads are tested elsewhere)."""

    def __init__(self, session):
        self.session = session
        self.passwords = {}

    def is_connected(self):
        return True

    def submit(self, fn, on_done=None, on_error=None, busy=True):
        try:
            result = fn(self.session)
        except Exception as e:  # noqa: BLE001
            on_error(e)
        else:
            on_done(result)

    def set_password(self, url, password):
        self.passwords[url] = password


def test_the_setup_dialog_shows_the_diff_then_writes_and_restarts(qtbot, sim):
    with connect(sim.port) as s:
        s.write_file("/boot.py", b"# mine\n")
        dialog = WifiSetupDialog(SyncController(s))
        qtbot.addWidget(dialog)
        dialog.ssid.setText("Home")
        dialog.wifi_password.setText("wifipw")
        dialog.webrepl_password.setText("ab")
        dialog.next_button.click()
        assert "4 to 9" in dialog.problem.text() and dialog.pages.currentIndex() == 0
        dialog.webrepl_password.setText("abcd")
        dialog.next_button.click()
        assert dialog.pages.currentIndex() == 1
        assert "+webrepl.start()" in dialog.diff.toPlainText()
        assert s.read_file("/boot.py") == b"# mine\n"  # nothing written before the user agrees
        dialog.next_button.click()
        assert dialog.pages.currentIndex() == 2
        assert "did not report" in dialog.result.text()  # the simulator has no Wi-Fi
        assert not dialog.connect_button.isEnabled()
        boot = s.read_file("/boot.py").decode()
        assert boot.startswith("# mine\n") and ws.BEGIN in boot
        assert s.read_file("/webrepl_cfg.py") == b"PASS = 'abcd'\n"
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "Close"
