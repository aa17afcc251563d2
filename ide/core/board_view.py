"""What the board view shows, without Qt: each simulated board's pin header and the live state
of its pins, followed from the simulator's events one screen frame at a time.

The view (ide/ui/board_view) calls ``BoardState.follow(board)`` about 30 times a second with
the running ide.simulator.VirtualBoard; it reads only the events that came since the last
frame (``pin_events_since``), so a program toggling a pin in a tight loop costs the GUI one
slice per frame, never one redraw per event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

PULL_UP = 1  # board_machine.Pin.PULL_UP
PULL_DOWN = 2


@dataclass(frozen=True)
class PinSpot:
    """One pin of the header: its printed label and, for a GPIO, its number (as text)."""

    label: str  # as printed on the board: "GP25", "D2", "GND", "3V3"
    gpio: str | None  # the name events use ("25"), None for power pins


@dataclass(frozen=True)
class BoardLayout:
    """A board's drawing facts: its header (left column top to bottom, then the right one),
    its LED's GPIO and the GPIOs a part may be wired to."""

    kind: str  # "pico" / "esp32" (ide.simulator.BOARDS)
    title: str  # the board's name (a product name: not translated)
    left: tuple[PinSpot, ...]
    right: tuple[PinSpot, ...]
    led: str  # the on-board LED's GPIO
    usb_top: bool  # the USB connector is at the top (Pico) or at the bottom (ESP32 DevKit)
    input_only: tuple[int, ...] = ()  # GPIOs with no output driver (an ESP32's 34-39)

    @property
    def gpios(self) -> list[int]:
        """Every GPIO on the header, in number order (the parts strip offers these)."""
        numbers = {int(p.gpio) for p in (*self.left, *self.right) if p.gpio is not None}
        return sorted(numbers)

    @property
    def outputs(self) -> list[int]:
        """The GPIOs that can drive a part (an LED, a buzzer), in number order."""
        return [n for n in self.gpios if n not in self.input_only]


def _gp(n: int) -> PinSpot:
    return PinSpot(f"GP{n}", str(n))


def _power(label: str) -> PinSpot:
    return PinSpot(label, None)


PICO = BoardLayout(
    "pico",
    "Raspberry Pi Pico",
    # the real header: pin 1 (GP0) top left down to pin 20, pin 40 (VBUS) top right down to 21
    left=(
        _gp(0),
        _gp(1),
        _power("GND"),
        _gp(2),
        _gp(3),
        _gp(4),
        _gp(5),
        _power("GND"),
        _gp(6),
        _gp(7),
        _gp(8),
        _gp(9),
        _power("GND"),
        _gp(10),
        _gp(11),
        _gp(12),
        _gp(13),
        _power("GND"),
        _gp(14),
        _gp(15),
    ),  # fmt: skip
    right=(
        _power("VBUS"),
        _power("VSYS"),
        _power("GND"),
        _power("3V3_EN"),
        _power("3V3"),
        _power("VREF"),
        _gp(28),
        _power("AGND"),
        _gp(27),
        _gp(26),
        _power("RUN"),
        _gp(22),
        _power("GND"),
        _gp(21),
        _gp(20),
        _gp(19),
        _gp(18),
        _power("GND"),
        _gp(17),
        _gp(16),
    ),  # fmt: skip
    led="25",
    usb_top=True,
)


def _d(n: int, label: str | None = None) -> PinSpot:
    return PinSpot(label or f"D{n}", str(n))


ESP32 = BoardLayout(
    "esp32",
    "ESP32 DevKit",
    # the common 30-pin DevKit (antenna at the top, USB at the bottom)
    left=(
        _power("EN"),
        _d(36, "VP"),
        _d(39, "VN"),
        _d(34),
        _d(35),
        _d(32),
        _d(33),
        _d(25),
        _d(26),
        _d(27),
        _d(14),
        _d(12),
        _d(13),
        _power("GND"),
        _power("VIN"),
    ),  # fmt: skip
    right=(
        _d(23),
        _d(22),
        _d(1, "TX0"),
        _d(3, "RX0"),
        _d(21),
        _d(19),
        _d(18),
        _d(5),
        _d(17, "TX2"),
        _d(16, "RX2"),
        _d(4),
        _d(2),
        _d(15),
        _power("GND"),
        _power("3V3"),
    ),  # fmt: skip
    led="2",
    usb_top=False,
    input_only=(34, 35, 36, 37, 38, 39),  # "pin can only be input" (ports/esp32/machine_pin.c)
)

LAYOUTS = {"pico": PICO, "esp32": ESP32}
BOOT_BUTTON = "0"  # an ESP32 DevKit's BOOT button pulls GPIO 0 low


class PinSource(Protocol):
    """What BoardState reads from ide.simulator.VirtualBoard."""

    def driven_pins(self) -> list[str]: ...

    def pin_events_since(self, name: str | int, start: int) -> list[tuple[float, int]]: ...

    def last_pwm(self, name: str | int) -> tuple[float, float] | None: ...

    @property
    def parts(self) -> dict[str, Any]: ...


@dataclass
class PinState:
    level: int = 0  # the last level written
    brightness: float = 0.0  # 0..1 this frame: the level, the share of time high, or PWM duty
    last_time: float = 0.0  # when the last level was written
    seen: int = 0  # events already read


@dataclass
class BoardState:
    """The live state the view draws: per pin, and the parts' reports."""

    pins: dict[str, PinState] = field(default_factory=dict)
    parts: dict[str, Any] = field(default_factory=dict)
    touched: bool = False  # the program has driven a pin (the view shows itself the first time)

    def follow(self, board: PinSource) -> bool:
        """Read what happened since the last frame; True when something changed."""
        changed = False
        for name in board.driven_pins():
            state = self.pins.setdefault(name, PinState())
            new = board.pin_events_since(name, state.seen)
            before = (state.level, state.brightness)
            if new:
                state.seen += len(new)
                state.level = new[-1][1]
                state.last_time = new[-1][0]
                # a pin toggled several times within one frame shows the share of its events
                # that were high: a blink without sleep looks half lit, as the eye sees it
                state.brightness = (
                    sum(v for _, v in new) / len(new) if len(new) > 1 else float(state.level)
                )
            else:
                state.brightness = float(state.level)
            pwm = board.last_pwm(name)
            if pwm is not None and pwm[0] >= state.last_time:
                state.brightness = pwm[1]  # PWM set after the last level: duty = brightness
                state.level = 1 if pwm[1] > 0 else 0
            changed = changed or before != (state.level, state.brightness)
            self.touched = True
        parts = board.parts
        if parts != self.parts:
            self.parts = parts
            changed = True
            self.touched = True  # a part the program drives (a NeoPixel strip, a pin's mode)
        return changed

    def brightness(self, gpio: str) -> float:
        state = self.pins.get(gpio)
        return state.brightness if state else 0.0

    def driven(self, gpio: str) -> bool:
        return gpio in self.pins

    def pull(self, gpio: str) -> int:
        """The pin's pull as the program set it: PULL_UP, PULL_DOWN or -1."""
        mode = self.parts.get(f"mode:{gpio}")
        return int(mode[1]) if isinstance(mode, list) and len(mode) == 2 else -1

    def tone(self, gpio: str) -> int:
        """The buzzer's pitch in Hz while PWM drives ``gpio`` with a duty, else 0."""
        freq = self.parts.get(f"tone:{gpio}")
        if not isinstance(freq, int | float) or self.brightness(gpio) <= 0:
            return 0
        return int(freq)


def pressed_level(pull: int) -> int:
    """The level a push button gives its pin while held: wired to GND when the pin pulls up
    (the kit's usual way), to 3V3 otherwise."""
    return 0 if pull == PULL_UP else 1


def released_level(pull: int, has_pulls: bool = True) -> int:
    """The level a released push button leaves its pin at: the pull's. A pin without pull
    resistors (an ESP32's 34-39: Pin.PULL_UP does nothing there) floats; the simulator reads
    a floating pin as 0, so the button wired to GND changes nothing, as on the board."""
    return 1 - pressed_level(pull) if has_pulls else 0
