"""Rescue below MicroPython on a Pico (ide.core.rescue.pico), as the next step of the one
guided sequence: a Pico whose port never answers (Ctrl-C switched off before USB is up) is
put in BOOTSEL mode by the user (the rescue waits for the device, live), its files are copied
through PICOBOOT (tests/helpers/picoboot_sim.py behind real pyusb) and, with the user's yes,
main.py is renamed on the board."""

from __future__ import annotations

import threading

from ide.core.rescue import Cause, rescue
from ide.core.rescue import pico as pico_strategy
from ide.core.rescue.under import UnderPlan, go_under, is_question
from tests.firmware.test_firmware_picoboot import FILES, PICO, _files, _local, _writes
from tests.helpers.picoboot_sim import PicobootSim, micropython_flash
from tests.helpers.silent_port import SilentPort

HANGS = {**FILES, "boot.py": b"import micropython\nmicropython.kbd_intr(-1)\nwhile True: pass\n"}


class User:
    """Does what the instructions say: declines the plain replug ("not this time"), plugs the
    Pico in with BOOTSEL held a moment after being asked (``plug_in``), answers questions in
    order."""

    def __init__(self, sim: PicobootSim, *answers: bool, bootsel: bool = True) -> None:
        self.sim = sim
        self.answers = list(answers)
        self.bootsel = bootsel
        self.said: list[str] = []
        self.questions: list[str] = []
        self.timers: list[threading.Timer] = []

    def __call__(self, msg) -> bool:
        text = str(msg)
        if is_question(msg):
            self.questions.append(text)
            return self.answers.pop(0)
        self.said.append(text)
        if "BOOTSEL button" in text:
            if self.bootsel:  # the device appears while the rescue already waits for it
                timer = threading.Timer(0.3, lambda: setattr(self.sim, "present", True))
                self.timers.append(timer)
                timer.start()
            return self.bootsel
        return "Keep it plugged in" in text  # the plain replug: not this time

    def join(self) -> None:
        for timer in self.timers:
            timer.join()


def _absent_pico(monkeypatch, files=FILES, **kw) -> PicobootSim:
    sim = PicobootSim(micropython_flash(files, **PICO), **kw)
    sim.present = False  # plugged in as a MicroPython board, not in BOOTSEL mode yet
    sim.install(monkeypatch)
    return sim


def test_a_pico_that_never_answers_is_rescued_through_bootsel_in_the_same_run(
    tmp_path, monkeypatch
):
    sim = _absent_pico(monkeypatch, HANGS)
    user = User(sim, True)
    plan = UnderPlan("/dev/ttyACM0", tmp_path / "saved", family="pico")
    port = SilentPort()
    steps = []
    report = rescue(port, steps.append, user, under=lambda step, ask: go_under(plan, step, ask))
    user.join()
    under = report.under
    assert port.closed and not report.ok and report.fixed
    assert under.family == "pico" and under.written_back and not under.declined
    assert under.renamed == [("main.py", "main_disabled.py"), ("boot.py", "boot_disabled.py")]
    assert _local(tmp_path / "saved") == HANGS  # every file, byte for byte, first
    after = _files(sim.flash[PICO["fs_offset"] :])
    assert after["main_disabled.py"] == HANGS["main.py"] and "main.py" not in after
    assert after["data.csv"] == HANGS["data.csv"]
    assert sim.rebooted is not None  # restarted into MicroPython, which now starts clean
    texts = [str(s) for s in steps]
    assert "Waiting for the Pico in BOOTSEL mode…" in texts
    assert any("BOOTSEL button" in s for s in user.said)
    assert len(user.questions) == 1 and "main_disabled.py" in user.questions[0]
    assert report.cause == Cause.KBD_INTR  # from the main.py that was saved
    summary = " ".join(str(m) for m in report.summary())
    assert str(tmp_path / "saved") in summary and "main_disabled.py" in summary


def test_the_question_is_a_yes_no_question_translated_in_its_own_context(tmp_path, monkeypatch):
    """rescue_pico asks in context "Firmware"; the dialog must show it with Yes/No, and its
    Japanese and Chinese come from the catalogue as they are."""
    sim = _absent_pico(monkeypatch)
    sim.present = True  # already in BOOTSEL mode: nothing to ask the user to do
    seen = []

    def ask(msg) -> bool:
        seen.append(msg)
        return False

    result = pico_strategy.pico(UnderPlan("/dev/ttyACM0", tmp_path / "saved"), print, ask)
    question = [m for m in seen if is_question(m)]
    assert len(question) == 1 and question[0].args["question"].context == "Firmware"
    assert not any("BOOTSEL button" in str(m) for m in seen)  # it was in BOOTSEL mode already
    assert result.declined and not result.written_back and _writes(sim) == []
    assert _local(tmp_path / "saved") == FILES  # copied before the question


def test_nobody_plugs_the_pico_in_with_bootsel(tmp_path, monkeypatch):
    sim = _absent_pico(monkeypatch)
    plan = UnderPlan("/dev/ttyACM0", tmp_path / "saved", family="pico")
    # a script's ask may say no to the instruction: nothing is touched
    result = pico_strategy.pico(plan, lambda m: None, User(sim, bootsel=False))
    assert result.declined and not result.copied and sim.log == []
    # the dialog's ask says yes to every instruction; the user never does it
    steps = []
    result = pico_strategy.pico(plan, steps.append, lambda msg: True, wait_s=0.5)
    assert not result.fixed and not result.copied and sim.log == []
    assert "No Pico in BOOTSEL mode appeared" in str(result.error)
    assert result.error in steps  # shown as the last step, and in the report
    assert not plan.folder.exists()  # nothing was read: no empty folder left behind


def test_giving_up_ends_the_wait_for_bootsel(tmp_path, monkeypatch):
    sim = _absent_pico(monkeypatch)
    plan = UnderPlan("/dev/ttyACM0", tmp_path / "saved", family="pico", cancel=threading.Event())

    def ask(msg) -> bool:
        plan.cancel.set()  # the user presses Escape instead of plugging the Pico in
        return True

    result = pico_strategy.pico(plan, lambda m: None, ask)  # the default two-minute wait
    assert not result.fixed and sim.log == [] and "nothing was read" in str(result.error)


def test_a_damaged_filesystem_is_saved_raw_and_the_reason_says_what_erase_would_lose(
    tmp_path, monkeypatch
):
    from ide.firmware import rp2_flash

    sim = _absent_pico(monkeypatch)
    for block in (0, 1):  # superblocks that still say "littlefs", commits that are garbage
        at = PICO["fs_offset"] + block * rp2_flash.BLOCK
        sim.flash[at + 32 : at + rp2_flash.BLOCK] = bytes(rp2_flash.BLOCK - 32)
    sim.present = True
    result = pico_strategy.pico(
        UnderPlan("/dev/ttyACM0", tmp_path / "saved"), lambda m: None, lambda m: True
    )
    assert not result.fixed and not result.copied and _writes(sim) == []
    assert result.raw_image is not None and result.raw_image.exists()
    assert "would lose every file" in str(result.error)


def test_the_bootsel_wait_polls_the_finder_until_the_pico_is_there():
    calls = []

    def find():
        calls.append(1)
        return ["pico"] if len(calls) == 3 else []

    assert pico_strategy.wait_for_bootsel(find, 10.0) == ["pico"] and len(calls) == 3
    assert pico_strategy.wait_for_bootsel(lambda: [], 0.0) == []

    def broken():
        raise OSError("no libusb")

    assert pico_strategy.wait_for_bootsel(broken, 10.0) == [None]  # rescue_pico says why
