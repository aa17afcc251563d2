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

