"""esptool's own log lines become translated messages (ide.firmware.esptool_lines)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ide.firmware import esp, esptool_lines
from tests.helpers.esp_rom_sim import EspRomSim
from tests.helpers.firmware_images import build_test_image
from tools.i18n_tools import TS_LANGUAGES, qm_path

# two or more lower-case Latin words in a row: an English phrase left in a translation
# (acronyms such as "USB ID" or "RTS" and units such as kbit/s are fine)
ENGLISH_PHRASE = re.compile(r"\b[A-Z]?[a-z]{2,}\b(?:[ ,]+\b[A-Z]?[a-z]{2,}\b)+")


def _real_esptool_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line esptool wrote while flashing the simulated ESP32 (full erase, 460800 baud),
    then writing again without erasing, detecting an ESP32-S3 and flashing an ESP8266."""
    raw: list[str] = []
    shown: list[object] = []

    def recording(text: str):
        raw.append(text.strip())
        return esptool_lines.esptool_line(text)

    monkeypatch.setattr(esp, "esptool_line", recording)
    image = tmp_path / "fw.bin"
    image.write_bytes(build_test_image("ESP32", 64 * 1024, seed=3))
    image8266 = tmp_path / "fw8266.bin"
    image8266.write_bytes(build_test_image("ESP8266", 64 * 1024, seed=3))
    for chip, run in (
        ("esp32", lambda port: esp.flash(port, image, on_log=shown.append)),
        (
            "esp32",
            lambda port: esp.flash(port, image, erase=False, baud=115200, on_log=shown.append),
        ),
        ("esp32s3", lambda port: esp.detect_chip(port, on_log=shown.append)),
        ("esp8266", lambda port: esp.flash(port, image8266, on_log=shown.append)),
    ):
        sim = EspRomSim(chip).start()
        try:
            run(sim.port)
        finally:
            sim.close()
    assert len(shown) > len(raw)  # our own steps, and every esptool line, reached on_log
    return raw


def _translator(language: str) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(qm_path(language))), f"cannot load {qm_path(language)}"
    return translator


@pytest.mark.timeout(90)
def test_real_esptool_lines_are_all_known_and_translated(tmp_path, monkeypatch):
    raw = _real_esptool_lines(tmp_path, monkeypatch)
    for expected in ("Uploading stub flasher...", "Changing baud rate to 460800...",
                     "Erasing flash memory (this may take a while)...", "Hash of data verified.",
                     "Hard resetting via RTS pin...", "Connecting..."):  # fmt: skip
        assert expected in raw, f"esptool no longer says {expected!r}: {raw}"
    assert any(line.startswith("Wrote ") for line in raw)
    assert any(line.startswith("Flash will be erased from ") for line in raw)
    assert any(line.startswith("Detecting chip type... ESP32-S3") for line in raw)
    assert any(line.startswith("Detecting chip type... ESP8266") for line in raw)

    unknown = [line for line in raw if esptool_lines.translatable_line(line) is None]
    assert not unknown, f"esptool lines with no translation: {unknown}"

    translators = {language: _translator(language) for language in TS_LANGUAGES}
    for line in raw:
        msg = esptool_lines.esptool_line(line)
        assert msg.context == esptool_lines.CONTEXT
        assert esptool_lines.is_esptool_detail(msg)
        assert not msg.source.startswith("esptool:")
        for language, translator in translators.items():
            text = translator.translate(msg.context, msg.source)
            assert text, f"no {language} translation for {msg.source!r}"
            shown = text.format(**msg.args)
            if language == "ja":
                left = ENGLISH_PHRASE.findall(text)
                assert not left, f"English left in ja {text!r} (from {line!r}): {left}"
            for value in msg.args.values():  # the numbers reach the user
                assert str(value) in shown


def test_numbers_are_captured_as_placeholders():
    msg = esptool_lines.esptool_line(
        "Wrote 204800 bytes (103189 compressed) at 0x00000000 in 0.2 seconds (7082.1 kbit/s)."
    )
    assert msg.args == {"size": "204800", "compressed": "103189", "offset": "0x00000000",
                        "seconds": "0.2", "speed": "7082.1"}  # fmt: skip
    assert esptool_lines.esptool_line("Changing baud rate to 921600...").args == {"baud": "921600"}
    assert esptool_lines.esptool_line("Connecting........_____....").source == "Connecting..."
    erased = esptool_lines.esptool_line("Flash memory erased successfully in 3.4 seconds.")
    assert erased.args == {"seconds": "3.4"}


def test_unknown_lines_pass_through_unchanged_and_prefixed():
    line = "Warning: Something esptool 9 says that we have never seen."
    msg = esptool_lines.esptool_line(line + "  ")
    assert esptool_lines.translatable_line(line) is None
    assert str(msg) == "esptool: " + line
    assert esptool_lines.is_esptool_detail(msg)
    # almost-known lines are not forced into a template
    assert esptool_lines.translatable_line("Changing baud rate to fast...") is None


@pytest.mark.timeout(60)
def test_esptool_warnings_reach_the_log_not_stderr(capfd):
    """esptool's "Chip was NOT reset" (a port without modem lines, as the simulator's pty) went
    to stderr through a logger bound at import time; it reaches on_log, every operation."""
    sim = EspRomSim("esp32").start()
    try:
        for _ in range(2):  # once per operation, not once per process
            shown: list[object] = []
            esp.detect_chip(sim.port, on_log=shown.append)
            warned = [m for m in shown if "RTS/DTR" in str(m)]
            assert len(warned) == 1 and warned[0].context == esptool_lines.CONTEXT
            assert warned[0].args == {"port": sim.port}
    finally:
        sim.close()
    err = capfd.readouterr().err
    assert "NOT reset" not in err and "WARNING" not in err


def test_a_lost_connection_and_a_board_that_stopped_answering_are_said_in_the_users_words(
    qapp,
):
    """A write cut short: esptool's "Lost connection, retrying..." and "Waiting for the chip to
    reconnect......." reached the log in English, and the error put esptool's English
    sentence ("No more data to read from the serial port. This can have many causes...") inside
    the translated one. Now the sentence is translated and esptool's words are a Details line."""
    from ide.ui import error_text
    from ide.ui.settings import language

    lines = ("Lost connection, retrying...", "Waiting for the chip to reconnect.......")
    translators = {lang: _translator(lang) for lang in TS_LANGUAGES}
    for line in lines:
        msg = esptool_lines.esptool_line(line)
        assert not msg.source.startswith("esptool:"), line
        assert esptool_lines.is_esptool_detail(msg)
        for lang, translator in translators.items():
            text = translator.translate(msg.context, msg.source)
            assert text, f"no {lang} translation for {msg.source!r}"
            if lang == "ja":
                assert not ENGLISH_PHRASE.findall(text), text

    said = "No more data to read from the serial port. This can have many causes."
    error = esp._translate_error(Exception(said), "/dev/ttyUSB0")
    try:
        for lang in TS_LANGUAGES:
            language.install_translators(qapp, lang)
            first, _, rest = error_text(error).partition("\n")
            assert first and "No more data" not in first, first
            if lang == "ja":
                assert not ENGLISH_PHRASE.findall(first), first
            assert said in rest  # esptool's own words, kept for whoever needs them
    finally:
        language.install_translators(qapp, "en")
    first, _, rest = error_text(error).partition("\n")
    assert first.startswith("The board stopped answering.") and said in rest
