"""WebREPL as a beginner meets it in the window: a wrong address is said, not retried in
silence; a drop while a program runs or a file is saved; the Wi-Fi setup on a board without
Wi-Fi. The board is the simulator behind its WebREPL endpoint (ide.simulator.webrepl)."""

from __future__ import annotations

from ide.simulator.webrepl import WebReplEndpoint
from ide.ui import translate_message
from ide.ui.board.session_controller import SessionController

PASSWORD = "hotaru"


def test_an_address_where_no_webrepl_listens_is_said_and_not_retried(qtbot, sim):
    endpoint = WebReplEndpoint(sim, PASSWORD)
    url = endpoint.url
    endpoint.close()  # nobody listens there now: a board without WebREPL, a mistyped port
    controller = SessionController()
    errors: list[object] = []
    controller.error.connect(errors.append)
    try:
        controller.set_password(url, PASSWORD)
        controller.connect_port(url)
        qtbot.waitUntil(lambda: bool(errors), timeout=20000)
        assert "not enabled" in translate_message(errors[0])
        assert controller.state == "disconnected"
        assert not controller._reconnect.is_active()  # no silent retrying for ever
    finally:
        controller.shutdown()


def _setup_dialog(qtbot, controller):
    from ide.ui.board.wifi_setup import WifiSetupDialog

    dialog = WifiSetupDialog(controller)
    qtbot.addWidget(dialog)
    dialog.ssid.setText("HotaruNet")
    dialog.wifi_password.setText("wifi-pass")
    dialog.webrepl_password.setText(PASSWORD)
    return dialog


def _connected(qtbot, port):
    controller = SessionController()
    controller.connect_port(port)
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=30000)
    return controller


def _board_files(qtbot, controller):
    got: list[object] = []
    controller.submit(
        lambda s: (s.exists("/webrepl_cfg.py"), s.read_file("/boot.py")), got.append, got.append
    )
    qtbot.waitUntil(lambda: bool(got), timeout=30000)
    return got[0]


def test_wifi_setup_on_a_board_without_wifi_says_so_and_writes_nothing(qtbot, sim):
    # the generic virtual board has no network module, as a Pico without W
    controller = _connected(qtbot, sim.port)
    try:
        done: list[object] = []
        controller.submit(lambda s: s.write_file("/boot.py", b"print('mine')\n"), done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=30000)
        dialog = _setup_dialog(qtbot, controller)
        dialog._next()
        qtbot.waitUntil(
            lambda: bool(dialog.problem.text()) or dialog.pages.currentIndex() == 1,
            timeout=30000,
        )
        assert "no Wi-Fi" in dialog.problem.text()
        assert "MicroPython for the Pico W" in dialog.problem.text()  # (a Pico W, wrong firmware)
        assert dialog.pages.currentIndex() == 0  # no change offered
        assert _board_files(qtbot, controller) == (False, b"print('mine')\n")
    finally:
        controller.shutdown()

