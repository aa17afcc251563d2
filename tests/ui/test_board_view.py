"""The Board view on the real controller and simulator: the drawing's state follows the
program's pins (LED on/off, PWM brightness, a blink without sleep half lit), the parts reach
the program (button -> Pin.value() and Pin.irq, potentiometer -> ADC.read_u16()), Stop stops
a busy loop, and the dock shows itself the first time a program drives a pin."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QScrollArea

from ide import paths
from ide.ui.board.session_controller import SessionController
from ide.ui.board_view import BoardViewPane

CONNECT_MS = 60000
WAIT_MS = 20000


def example(name: str) -> str:
    return (paths.resources_dir() / "examples" / name).read_text()


@pytest.fixture(params=["pico", "esp32"])
def view(request, qtbot):
    controller = SessionController()
    controller.simulated_board = request.param
    out = bytearray()
    controller.console_bytes.connect(out.extend)
    controller.connect_port("simulator")
    qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
    pane = BoardViewPane(controller)
    qtbot.addWidget(pane)
    pane.resize(320, 640)
    pane.show()
    pane.out = out
    yield pane
    controller.shutdown()


def run(qtbot, pane: BoardViewPane, code: str) -> None:
    pane.mark = len(pane.out)  # wait_text looks from here on
    pane.controller.run_program(code)
    qtbot.waitUntil(lambda: pane.controller.state == "running", timeout=WAIT_MS)


def stop(qtbot, pane: BoardViewPane) -> None:
    pane.controller.stop()
    qtbot.waitUntil(lambda: pane.controller.state == "idle", timeout=WAIT_MS)


def wait_text(qtbot, pane: BoardViewPane, text: bytes) -> None:
    """Wait for ``text`` after the last one waited for (or the run's start)."""
    start = pane.mark
    qtbot.waitUntil(lambda: text in pane.out[start:], timeout=WAIT_MS)
    pane.mark = pane.out.index(text, start) + len(text)


def test_the_blink_example_lights_the_boards_led(qtbot, view):
    kind = view.controller.simulated_board
    assert view.controller.simulator.board == kind
    assert view.drawing.board_layout.kind == kind
    led = {"pico": "25", "esp32": "2"}[kind]
    run(qtbot, view, example("blink_pico.py" if kind == "pico" else "blink_esp32.py"))
    qtbot.waitUntil(lambda: view.state.brightness(led) == 1.0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.state.brightness(led) == 0.0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.state.brightness(led) == 1.0, timeout=WAIT_MS)
    stop(qtbot, view)


def test_pwm_duty_is_the_leds_brightness(qtbot, view):
    led = view.drawing.board_layout.led  # the example fades the board's own LED
    run(qtbot, view, example("fade_pwm.py"))
    qtbot.waitUntil(lambda: 0.2 < view.state.brightness(led) < 0.8, timeout=WAIT_MS)
    stop(qtbot, view)


def test_a_blink_without_sleep_is_half_lit_and_stop_stops_it(qtbot, view):
    led = view.drawing.board_layout.led
    run(
        qtbot,
        view,
        f"from machine import Pin\nled = Pin({led}, Pin.OUT)\nwhile True:\n    led.toggle()\n",
    )
    qtbot.waitUntil(lambda: 0.3 < view.state.brightness(led) < 0.7, timeout=WAIT_MS)
    stop(qtbot, view)
    assert not view.controller.is_running()


def test_the_button_reaches_pin_value_and_an_irq_handler(qtbot, view):
    view.button_pin.setCurrentIndex(view.button_pin.findData("14"))
    run(qtbot, view, example("button.py"))
    wait_text(qtbot, view, b"released")
    qtbot.waitUntil(lambda: view.state.pull("14") == 1, timeout=WAIT_MS)  # PULL_UP seen
    qtbot.mousePress(view.button, Qt.MouseButton.LeftButton)
    wait_text(qtbot, view, b"pressed\r\n")
    led = view.drawing.board_layout.led  # the example lights the board's own LED
    qtbot.waitUntil(lambda: view.state.brightness(led) == 1.0, timeout=WAIT_MS)
    qtbot.mouseRelease(view.button, Qt.MouseButton.LeftButton)
    wait_text(qtbot, view, b"released")
    stop(qtbot, view)
    run(
        qtbot,
        view,
        "from machine import Pin\nimport time\n"
        "b = Pin(14, Pin.IN, Pin.PULL_UP)\n"
        "b.irq(lambda p: print('edge', p.value()), Pin.IRQ_FALLING)\n"
        "print('ready')\n"
        "while True:\n    time.sleep(0.05)\n",
    )
    wait_text(qtbot, view, b"ready")
    qtbot.waitUntil(lambda: view.state.pull("14") == 1, timeout=WAIT_MS)
    qtbot.mousePress(view.button, Qt.MouseButton.LeftButton)
    wait_text(qtbot, view, b"edge 0")
    qtbot.mouseRelease(view.button, Qt.MouseButton.LeftButton)
    stop(qtbot, view)


def test_the_potentiometer_reaches_adc_read_u16(qtbot, view):
    pin = view.pot_pin.gpio()
    run(
        qtbot,
        view,
        f"from machine import ADC, Pin\nimport time\na = ADC(Pin({pin}))\n"
        "while True:\n    print('adc', a.read_u16())\n    time.sleep(0.05)\n",
    )
    view.pot.setValue(1234)
    wait_text(qtbot, view, b"adc 1232\r\n")  # converted to 12 bits, as a board's ADC does
    stop(qtbot, view)


@pytest.mark.parametrize("view", ["pico"], indirect=True)
def test_the_temperature_example_reads_the_rooms_temperature(qtbot, view):
    view.temperature.setValue(31)
    run(qtbot, view, example("pico_temperature.py"))
    start = view.mark
    wait_text(qtbot, view, b" C\r\n")
    line = bytes(view.out[start : view.mark]).split(b"\r\n")[-2]
    assert 30 < float(line.split()[-2]) < 32, line
    qtbot.waitUntil(lambda: any(k.startswith("adc:") for k in view.state.parts), timeout=WAIT_MS)
    view.frame()
    assert view.pot_pin.gpio() == "26"  # ADC 4 is the sensor inside the chip, not GP4
    stop(qtbot, view)


def test_the_dock_shows_itself_when_a_program_drives_a_pin(qtbot, tmp_path):
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController()
    window = MainWindow(controller, preferences=prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pane = window.pane("board_view")
    dock = pane.parentWidget()
    assert not dock.isVisible()
    controller.connect_port("simulator")
    try:
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
        controller.run_program("from machine import Pin\nPin('LED', Pin.OUT).on()\n")
        qtbot.waitUntil(dock.isVisible, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: pane.state.brightness("25") == 1.0, timeout=WAIT_MS)
    finally:
        controller.shutdown()


def test_the_neopixel_strip_and_the_dht_sliders(qtbot, view):
    view.dht_t.setValue(33)
    view.dht_h.setValue(70)
    run(
        qtbot,
        view,
        "import neopixel, dht, machine, time\n"
        "np = neopixel.NeoPixel(machine.Pin(4), 3)\nnp[0] = (255, 0, 0)\nnp[2] = (0, 255, 0)\n"
        "np.write()\nd = dht.DHT22(machine.Pin(5))\n"
        "while True:\n    d.measure()\n    print('dht', d.temperature(), d.humidity())\n"
        "    time.sleep(0.05)\n",
    )
    wait_text(qtbot, view, b"dht 33.0 70.0\r\n")
    qtbot.waitUntil(
        lambda: view.pixels.colours == [[255, 0, 0], [0, 0, 0], [0, 255, 0]], timeout=WAIT_MS
    )
    stop(qtbot, view)


def test_the_chosen_board_is_remembered(qtbot, tmp_path):
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(SessionController(), preferences=Preferences(settings))
    qtbot.addWidget(window)
    pane = window.pane("board_view")
    pane.board_box.setCurrentIndex(pane.board_box.findData("esp32"))
    assert window.controller.simulated_board == "esp32"
    again = MainWindow(SessionController(), preferences=Preferences(settings))
    qtbot.addWidget(again)
    assert again.pane("board_view").board_box.currentData() == "esp32"
    assert again.controller.simulated_board == "esp32"
    window.controller.shutdown()
    again.controller.shutdown()


@pytest.mark.parametrize("kind", ["pico", "esp32"])
def test_every_parts_row_is_in_sight_until_the_divider_is_dragged(qtbot, kind):
    """A beginner never scrolls a strip they do not know is cut: the buzzer, NeoPixel, DHT
    and temperature rows are in sight without scrolling while the board can shrink."""
    controller = SessionController()
    controller.simulated_board = kind
    pane = BoardViewPane(controller)
    qtbot.addWidget(pane)
    pane.resize(420, 700)
    pane.show()
    qtbot.waitExposed(pane)
    scroll = pane.findChild(QScrollArea).verticalScrollBar()
    rows = [pane.led_pin, pane.button, pane.pot, pane.tone, pane.pixels, pane.dht_label]
    if kind == "pico":
        rows.append(pane.temperature_label)
    qtbot.waitUntil(lambda: scroll.maximum() == 0)
    for widget in rows:
        assert not widget.visibleRegion().isEmpty(), widget
    assert pane.drawing.height() >= pane.drawing.minimumHeight()
    # the other board's rows differ (the temperature is the Pico's): still all in sight
    pane.resize(420, 720)
    qtbot.waitUntil(lambda: scroll.maximum() == 0)
    # a divider the user dragged stays where it was put
    pane.splitter.splitterMoved.emit(100, 1)
    pane.splitter.setSizes([600, 60])
    pane.resize(420, 700)
    qtbot.wait(50)
    assert scroll.maximum() > 0
    controller.shutdown()


def test_the_next_runs_soft_reset_silences_the_buzzer_as_a_board_does(qtbot, view):
    """Stop (Ctrl-C) leaves a PWM running, as on a board; the next Run's soft reset turns
    every PWM off (machine_pwm_deinit_all on rp2 and esp32): the buzzer is silent and a
    faded LED dark, not still sounding in the next program."""
    pin = view.buzzer_pin.gpio()
    run(
        qtbot,
        view,
        f"from machine import Pin, PWM\nimport time\nb = PWM(Pin({pin}))\nb.freq(440)\n"
        "b.duty_u16(32768)\nprint('beep')\nwhile True:\n    time.sleep(0.05)\n",
    )
    wait_text(qtbot, view, b"beep")
    qtbot.waitUntil(lambda: view.state.tone(pin) == 440, timeout=WAIT_MS)
    assert "440" in view.tone.text()
    stop(qtbot, view)
    view.frame()
    assert view.state.tone(pin) == 440  # Ctrl-C alone stops the program, not the PWM
    run(qtbot, view, "import time\nprint('next')\nwhile True:\n    time.sleep(0.05)\n")
    wait_text(qtbot, view, b"next")
    qtbot.waitUntil(lambda: view.state.tone(pin) == 0, timeout=WAIT_MS)
    assert view.state.brightness(pin) == 0.0
    assert view.tone.text() == "silent"
    stop(qtbot, view)


def test_output_parts_are_offered_only_pins_that_can_drive_them(qtbot):
    """An ESP32's GPIO 34-39 are inputs only: the LED and the buzzer are not offered them
    (the board would refuse Pin.OUT there); the button and the potentiometer are."""
    controller = SessionController()
    controller.simulated_board = "esp32"
    pane = BoardViewPane(controller)
    qtbot.addWidget(pane)

    def offered(box) -> set[int]:
        return {int(box.itemData(i)) for i in range(box.count())}

    inputs_only = {34, 35, 36, 39}
    assert not offered(pane.led_pin) & inputs_only
    assert not offered(pane.buzzer_pin) & inputs_only
    assert inputs_only <= offered(pane.button_pin)
    assert inputs_only <= offered(pane.pot_pin)
    assert {2, 4, 15, 33} <= offered(pane.led_pin)
    pane.board_box.setCurrentIndex(pane.board_box.findData("pico"))
    assert offered(pane.led_pin) == set(range(29)) - {23, 24, 25}
    controller.shutdown()


def test_the_drawing_tags_the_pins_the_parts_are_wired_to(qtbot):
    """The picture shows where each part of the strip is connected: a tag beside its pin,
    moving with the strip's choice."""
    controller = SessionController()
    controller.simulated_board = "pico"
    pane = BoardViewPane(controller)
    qtbot.addWidget(pane)
    pane.resize(420, 700)
    pane.show()
    qtbot.waitExposed(pane)

    def tags(gpio: str) -> list[str]:
        return [text for text, _colour in pane.drawing.wired.get(gpio, [])]

    assert tags("15") == ["LED"] and tags("14") == ["Button"]
    assert tags("26") == ["Potentiometer"] and tags("16") == ["Buzzer"]
    before = pane.drawing.grab().toImage()
    pane.led_pin.setCurrentIndex(pane.led_pin.findData("13"))
    assert tags("15") == [] and tags("13") == ["LED"]
    assert pane.drawing.grab().toImage() != before  # the tag moved in the picture
    pane.buzzer_pin.setCurrentIndex(pane.buzzer_pin.findData("13"))
    assert tags("13") == ["LED", "Buzzer"]
    pane.board_box.setCurrentIndex(pane.board_box.findData("esp32"))
    assert tags("34") == ["Potentiometer"] and tags("4") == ["Buzzer"]
    controller.shutdown()


def test_a_program_that_only_reads_an_adc_gets_the_potentiometer_on_that_pin(qtbot, view):
    """A kit's lesson reads the potentiometer on another ADC pin than the strip's (GP27,
    GPIO 35): the potentiometer follows the pin the program reads, so its slider works."""
    pin = {"pico": "27", "esp32": "35"}[view.controller.simulated_board]
    assert view.pot_pin.gpio() != pin
    run(
        qtbot,
        view,
        f"from machine import ADC, Pin\nimport time\na = ADC(Pin({pin}))\n"
        "while True:\n    print('adc', a.read_u16())\n    time.sleep(0.05)\n",
    )
    qtbot.waitUntil(lambda: view.pot_pin.gpio() == pin, timeout=WAIT_MS)
    assert view.state.touched
    view.pot.setValue(4321)
    wait_text(qtbot, view, b"adc 4321\r\n")
    stop(qtbot, view)
    # the next run reads another pin: the last run's ADC is not read any more (its reset)
    other = {"pico": "28", "esp32": "32"}[view.controller.simulated_board]
    run(
        qtbot,
        view,
        f"from machine import ADC, Pin\nimport time\na = ADC(Pin({other}))\n"
        "while True:\n    print('adc', a.read_u16())\n    time.sleep(0.05)\n",
    )
    qtbot.waitUntil(lambda: view.pot_pin.gpio() == other, timeout=WAIT_MS)
    view.pot.setValue(1234)
    wait_text(qtbot, view, b"adc 1232\r\n")  # (12 bits: raw 77)
    stop(qtbot, view)


def test_a_potentiometer_pin_the_user_picks_while_the_program_runs_stays_theirs(qtbot, view):
    """The potentiometer follows the ADC pin a program begins to read, once: re-wired by the
    user while the program runs (blinking the LED, so the view changes every frame), it stays
    where they put it."""
    pin = {"pico": "27", "esp32": "35"}[view.controller.simulated_board]
    led = view.led_pin.gpio()
    run(
        qtbot,
        view,
        f"from machine import ADC, Pin\nimport time\na = ADC(Pin({pin}))\nl = Pin({led}, Pin.OUT)\n"
        "while True:\n    l.value(not l.value())\n    print('adc', a.read_u16())\n"
        "    time.sleep(0.02)\n",
    )
    qtbot.waitUntil(lambda: view.pot_pin.gpio() == pin, timeout=WAIT_MS)
    chosen = next(
        view.pot_pin.itemData(i)
        for i in range(view.pot_pin.count())
        if view.pot_pin.itemData(i) != pin
    )
    view.pot_pin.setCurrentIndex(view.pot_pin.findData(chosen))
    qtbot.wait(500)  # ~15 frames with the LED changing
    assert view.pot_pin.gpio() == chosen
    stop(qtbot, view)


@pytest.mark.parametrize(
    "code",
    [
        example("pico_temperature.py"),  # ADC 4 only: no pin is driven
        "import dht, machine, time\nd = dht.DHT11(machine.Pin(5))\nwhile True:\n"
        "    d.measure()\n    time.sleep(0.1)\n",
    ],
    ids=["temperature", "dht"],
)
def test_the_dock_shows_itself_for_a_program_that_only_reads_sensors(qtbot, tmp_path, code):
    from ide.ui.settings.preferences import Preferences
    from ide.ui.window.main_window import MainWindow

    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    controller = SessionController()
    window = MainWindow(controller, preferences=prefs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = window.pane("board_view").parentWidget()
    assert not dock.isVisible()
    controller.connect_port("simulator")
    try:
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=CONNECT_MS)
        controller.run_program(code)
        qtbot.waitUntil(dock.isVisible, timeout=WAIT_MS)  # its sliders are what the program reads
        controller.stop()
        qtbot.waitUntil(lambda: controller.state == "idle", timeout=WAIT_MS)
    finally:
        controller.shutdown()


@pytest.mark.parametrize("view", ["esp32"], indirect=True)
def test_a_button_on_an_esp32_input_only_pin_floats_without_a_pull_up(qtbot, view):
    """GPIO 34-39 of an ESP32 have no pull resistors: Pin.PULL_UP is accepted and does
    nothing, so a button wired to GND reads 0 pressed and released (the pin floats), as on
    the board, where a lesson needs its own resistor there; on GPIO 14 the same program reads
    the button."""
    code = (
        "from machine import Pin\nimport time\nb = Pin({pin}, Pin.IN, Pin.PULL_UP)\n"
        "marker = Pin(13, Pin.IN, Pin.PULL_UP)\nwhile not marker.value():\n    time.sleep(0.01)\n"
        "print('ready', b.value())\nlast = b.value()\n"
        "while True:\n    if b.value() != last:\n        last = b.value()\n"
        "        print('changed', last)\n    if not marker.value():\n        break\n"
        "    time.sleep(0.02)\nprint('marker')\n"
    )
    for pin, rest in (("34", b"ready 0"), ("14", b"ready 1")):
        view.button_pin.setCurrentIndex(view.button_pin.findData(pin))
        view.controller.simulator.set_pin(13, 1)  # (the program waits for it)
        run(qtbot, view, code.format(pin=pin))
        wait_text(qtbot, view, rest)
        qtbot.waitUntil(lambda p=pin: view.state.pull(p) == 1, timeout=WAIT_MS)
        start = view.mark
        qtbot.mousePress(view.button, Qt.MouseButton.LeftButton)
        if pin == "14":
            wait_text(qtbot, view, b"changed 0")
        qtbot.mouseRelease(view.button, Qt.MouseButton.LeftButton)
        if pin == "14":
            wait_text(qtbot, view, b"changed 1")
        # the marker pin's change comes after the button's (the inputs keep their order)
        view.controller.simulator.set_pin(13, 0)
        wait_text(qtbot, view, b"marker")
        if pin == "34":
            assert b"changed" not in view.out[start:]  # pressed or not: the pin reads 0
        qtbot.waitUntil(lambda: view.controller.state == "idle", timeout=WAIT_MS)  # it ends
