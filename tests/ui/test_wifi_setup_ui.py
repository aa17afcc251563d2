"""Tools > Set up Wi-Fi and WebREPL… on the virtual ESP32: the diff is shown before anything is
written, the files read back, and WebREPL that boot.py never started is said in words (the
virtual ESP32 joins the Wi-Fi but has no webrepl module). A board without a network module at
all: tests/ui/test_webrepl_ui.py."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from ide.board import connect
from ide.core import webrepl_setup as ws
from ide.simulator import start
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


def test_the_setup_dialog_shows_the_diff_then_writes_and_restarts(qtbot):
    with start(board="esp32", flash=":memory:") as esp32, connect(esp32.port) as s:
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
        # on the Wi-Fi, but `import webrepl` failed: no promise that WebREPL listens
        result = dialog.result.text()
        assert "192.168.1.42" in result and "has no WebREPL" in result, result
        assert "error in boot.py" not in result  # (not the user's boot.py: no webrepl module)
        assert not dialog.connect_button.isEnabled()
        boot = s.read_file("/boot.py").decode()
        assert boot.startswith("# mine\n") and ws.BEGIN in boot
        assert s.read_file("/webrepl_cfg.py") == b"PASS = 'abcd'\n"
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == "Close"


def test_a_full_width_webrepl_password_is_refused_in_words(qtbot):
    # an input method left on: "１２３４" is 4 characters but 12 bytes, more than the board keeps
    dialog = WifiSetupDialog(SyncController(None))
    qtbot.addWidget(dialog)
    dialog.ssid.setText("Home")
    dialog.webrepl_password.setText("１２３４")
    dialog.next_button.click()
    assert "English letters" in dialog.problem.text() and dialog.pages.currentIndex() == 0


def test_the_last_page_tells_a_boot_py_error_from_a_micropython_without_webrepl(qtbot):
    """WebREPL not started: with a webrepl module, boot.py stopped before it (its error is in
    the console); without one (the simulator, a firmware built without it), no boot.py could."""
    dialog = WifiSetupDialog(SyncController(None))
    qtbot.addWidget(dialog)
    dialog._written(("192.168.1.7", False, True))
    assert "error in boot.py" in dialog.result.text()
    dialog._written(("192.168.1.7", False, False))
    assert "has no WebREPL" in dialog.result.text()
    assert "error in boot.py" not in dialog.result.text()
    dialog._written(("192.168.1.7", True, True))
    assert "listens on port 8266" in dialog.result.text() and dialog.connect_button.isEnabled()


def test_the_wifi_lines_can_be_taken_off_the_board_again(qtbot):
    """A board whose Wi-Fi lines fail at every start (another network, a changed password):
    Hotaru's block leaves boot.py, shown first; the user's own lines and webrepl_cfg.py stay."""
    mine = "print('mine')\n"
    with start(board="esp32", flash=":memory:") as esp32, connect(esp32.port) as s:
        s.write_file("/boot.py", mine)
        dialog = WifiSetupDialog(SyncController(s))
        qtbot.addWidget(dialog)
        dialog.remove_button.click()
        assert "nothing to remove" in dialog.problem.text()
        assert s.read_file("/boot.py") == mine.encode()
        s.write_file("/boot.py", ws.plan(mine, "Home", "wifipw", "abcd").new_boot)
        s.write_file("/webrepl_cfg.py", "PASS = 'abcd'\n")
        dialog.remove_button.click()
        assert dialog.pages.currentIndex() == 1
        assert "-webrepl.start()" in dialog.diff.toPlainText()
        assert b"webrepl.start()" in s.read_file("/boot.py")  # nothing written before "yes"
        dialog.next_button.click()
        assert dialog.pages.currentIndex() == 2 and "no longer joins" in dialog.result.text()
        assert s.read_file("/boot.py") == mine.encode()
        assert s.read_file("/webrepl_cfg.py") == b"PASS = 'abcd'\n"


def test_a_boot_py_changed_after_the_diff_was_shown_is_not_written_over(qtbot):
    """The user saw a diff of one boot.py; another was put on the board meanwhile: nothing is
    written, and why is said in the user's words (it was Python's English ValueError)."""
    with start(board="esp32", flash=":memory:") as esp32, connect(esp32.port) as s:
        s.write_file("/boot.py", ws.plan("", "Home", "pw", "abcd").new_boot)
        dialog = WifiSetupDialog(SyncController(s))
        qtbot.addWidget(dialog)
        dialog.remove_button.click()
        assert dialog.pages.currentIndex() == 1
        s.write_file("/boot.py", "print('changed meanwhile')\n")
        dialog.next_button.click()
        assert "changed since the change was shown" in dialog.problem.text()
        assert "open it again" in dialog.problem.text()
        assert s.read_file("/boot.py") == b"print('changed meanwhile')\n"
