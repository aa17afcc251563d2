"""The console widget on its own: VT100 rendering, keys, paste, scrollback, links, floods."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from ide.core.console.screen import DEFAULT_STYLE, ConsoleScreen, TracebackWatcher, file_links
from ide.ui.console.widget import ConsoleWidget
from tests.helpers.event_loop_probe import EventLoopProbe


@pytest.fixture
def console(qtbot):
    widget = ConsoleWidget(max_lines=500)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def typed(console, qtbot, action) -> bytes:
    sent: list[bytes] = []
    console.keys_typed.connect(sent.append)
    action()
    return b"".join(sent)


# -- the terminal model --------------------------------------------------------------------


def test_line_editing_sequences_render_like_a_terminal():
    screen = ConsoleScreen()
    # What MicroPython's readline sends while the user edits "prnt" into "print(1)".
    screen.feed(b">>> prnt\x1b[2D")  # cursor two left
    screen.feed(b"i\x1b[Knt")  # insert: reprint the tail, erase to end of line
    screen.feed(b"(1)\r\n1\r\n>>> ")
    lines = [line.text for line in screen.take_finished()]
    assert lines == [">>> print(1)", "1"]
    assert screen.current_line().text == ">>> "
    assert screen.col == 4


def test_backspace_carriage_return_and_cursor_forward():
    screen = ConsoleScreen()
    screen.feed(b"abcdef\b\b\x1b[K")
    assert screen.current_line().text == "abcd"
    screen.feed(b"\rX\x1b[2CY")
    assert screen.current_line().text == "XbcY"
    screen.feed(b"\x1b[10C!")
    assert screen.current_line().text == "XbcY" + " " * 10 + "!"


def test_split_escape_and_utf8_sequences_across_reads():
    screen = ConsoleScreen()
    data = "こんにちは \x1b[31m赤\x1b[0m\r\n".encode()
    for i in range(len(data)):
        screen.feed(data[i : i + 1])
    (line,) = screen.take_finished()
    assert line.text == "こんにちは 赤"
    styles = {line.text[a:b]: style for a, b, style in line.runs}
    assert styles["赤"].fg == 1
    assert styles["こんにちは "].fg is None


def test_sgr_colours_bold_reset_and_256():
    screen = ConsoleScreen()
    screen.feed(b"\x1b[1;32mok\x1b[0m \x1b[38;5;208mo\x1b[38;2;1;2;3mr\x1b[m.\r\n")
    (line,) = screen.take_finished()
    runs = [(line.text[a:b], s.fg, s.bold) for a, b, s in line.runs]
    assert runs == [("ok", 2, True), (" ", None, False), ("o", 208, False), ("r", "#010203", False),
                    (".", None, False)]  # fmt: skip


def test_file_links_and_traceback_watcher():
    assert file_links('  File "main.py", line 12, in <module>') == [(2, 25, "main.py", 12)]
    assert file_links("nothing here") == []
    watcher = TracebackWatcher()
    text = [
        "Traceback (most recent call last):",
        '  File "<stdin>", line 3, in <module>',
        "NameError: name 'x' isn't defined",
    ]
    assert [watcher.feed_line(t) for t in text] == [None, None, "\n".join(text)]
    assert watcher.feed_line("ValueError: not in a traceback") is None
    # after a prompt the program printed (input() stopped by Ctrl-C): no newline before it
    glued = ["Name? Traceback (most recent call last):", *text[1:2], "KeyboardInterrupt: "]
    assert [watcher.feed_line(t) for t in glued] == [
        None,
        None,
        "\n".join(["Traceback (most recent call last):", *glued[1:]]),
    ]


# -- the widget ----------------------------------------------------------------------------


def test_widget_renders_output_and_caret_follows_board_cursor(console):
    console.feed(b"MicroPython v1.24\r\n>>> abc\x1b[2D")
    console.flush_now()
    assert console.toPlainText() == "MicroPython v1.24\n>>> abc"
    cursor = console.textCursor()
    assert cursor.blockNumber() == 1
    assert cursor.positionInBlock() == 5


def test_feed_is_drawn_by_the_timer_not_synchronously(console, qtbot):
    console.feed(b"hello\r\n")
    assert console.toPlainText() == ""
    qtbot.waitUntil(lambda: console.toPlainText().startswith("hello"), timeout=2000)


def test_keys_become_vt100_bytes(console, qtbot):
    def press():
        qtbot.keyClicks(console, "ab")
        for key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_Tab,
                    Qt.Key.Key_Return, Qt.Key.Key_Delete, Qt.Key.Key_Home):  # fmt: skip
            qtbot.keyClick(console, key)
        qtbot.keyClick(console, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert typed(console, qtbot, press) == b"ab\x1b[D\x1b[A\x7f\t\r\x1b[3~\x1b[H\x05"
    assert console.toPlainText() == ""  # the board echoes; the widget never inserts text


def test_ctrl_a_never_reaches_the_board(console, qtbot):
    def press():
        qtbot.keyClick(console, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(console, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)

    assert typed(console, qtbot, press) == b""


def test_ctrl_c_interrupts_unless_text_is_selected(console, qtbot):
    console.feed(b"some output\r\n")
    console.flush_now()
    with qtbot.waitSignal(console.interrupt_requested, timeout=1000):
        qtbot.keyClick(console, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    cursor = console.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    console.setTextCursor(cursor)
    with qtbot.assertNotEmitted(console.interrupt_requested):
        qtbot.keyClick(console, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "some"
    with qtbot.waitSignal(console.soft_reboot_requested, timeout=1000):
        qtbot.keyClick(console, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)


def test_paste_of_several_lines_uses_paste_mode(console, qtbot):
    mime = QMimeData()
    mime.setText("for i in range(3):\n    print(i)\n")
    assert typed(console, qtbot, lambda: console.insertFromMimeData(mime)) == (
        b"\x05for i in range(3):\r    print(i)\x04"
    )
    mime.setText("x = 1")
    assert typed(console, qtbot, lambda: console.insertFromMimeData(mime)) == b"x = 1"
    console.repl_mode = False  # a program is running: pasted lines are its input
    mime.setText("one\ntwo\n")
    assert typed(console, qtbot, lambda: console.insertFromMimeData(mime)) == b"one\rtwo\r"


def test_input_method_commits_go_to_the_board(console, qtbot):
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent()
    event.setCommitString("温度")
    assert typed(console, qtbot, lambda: console.inputMethodEvent(event)) == "温度".encode()


def test_scrollback_is_capped(console):
    console.feed(b"".join(b"line %d\r\n" % i for i in range(3000)))
    console.feed(b">>> ")
    console.flush_now()
    assert console.document().blockCount() <= 500 + 50  # cut in batches of a tenth
    text = console.toPlainText()
    assert text.endswith("line 2999\n>>> ")
    assert "line 100\n" not in text


def test_output_the_window_cannot_keep_up_with_is_skipped_by_lines(console):
    """A program printing short lines without pause: while it runs, and when it ends by
    itself, every line is kept (the plotter reads them all); after Stop, what waits beyond twice the
    scrollback's lines is skipped, so the prompt is drawn after at most that much, not after
    every line the board printed. The line the screen was in the middle of is finished whole,
    and a colour set in the skipped part still holds after the marker."""
    console.feed(b"warm up\r\n12")
    console.flush_now()  # the screen holds "12" of a line still to come
    console.repl_mode = False  # a program runs
    console.feed(b"345\r\n\x1b[31m")
    for i in range(0, 30000, 100):  # 30,000 lines of 5-7 bytes: far below the 4 MB cap
        console.feed(b"".join(b"%d\r\n" % j for j in range(i, i + 100)))
    assert console._backlog_lines == 30001  # nothing skipped while it runs
    assert console._backlog.count(b"\n") == console._backlog_lines
    console.repl_mode = True  # it ended by itself: still every line
    assert console._backlog_lines == 30001
    console.user_stopped()  # it was stopped (Stop): the old lines are skipped now
    console.feed(b"KeyboardInterrupt: \r\n")
    assert console._backlog_lines <= 2 * console.max_lines
    assert console._backlog.startswith(b"345\r\n[... output skipped ...]\r\n\x1b[31m")
    console.feed(b">>> ")
    drawn: list[str] = []
    console.lines_finished.connect(lambda texts, _program: drawn.extend(texts))
    console.flush_now()
    assert drawn[0] == "12345" and drawn[1] == "[... output skipped ...]"
    assert len(drawn) <= console.max_lines + 3
    assert console.toPlainText().endswith("29999\nKeyboardInterrupt: \n>>> ")
    assert "100" not in drawn  # (an early line, skipped before it was drawn)
    assert console._backlog_lines == 0
    cursor = console.document().find("29999")
    assert cursor.charFormat().foreground().color().red() > 150  # still red


def test_a_run_printing_faster_than_the_window_draws_loses_no_line(console):
    """While a program runs, lines reach the listeners (the plotter) however many wait."""
    console.repl_mode = False
    seen: list[str] = []
    console.lines_finished.connect(lambda texts, _program: seen.extend(texts))
    for i in range(0, 20000, 500):
        console.feed(b"".join(b"%d\r\n" % j for j in range(i, i + 500)))
        console._flush()  # one slice of drawing per batch: the window lags behind
    console.flush_now()
    assert seen == [str(i) for i in range(20000)]


def test_a_slow_trickle_is_never_skipped(console):
    """Output the window keeps up with is drawn whole (no marker), line by line."""
    for i in range(2000):
        console.feed(b"%d\r\n" % i)
        if i % 100 == 99:
            console.flush_now()
    console.flush_now()
    text = console.toPlainText()
    assert "skipped" not in text and text.endswith("1999\n")


def test_traceback_link_is_clickable(console, qtbot):
    console.feed(
        b"Traceback (most recent call last):\r\n"
        b'  File "blink.py", line 7, in <module>\r\n'
        b"NameError: name 'led' isn't defined\r\n>>> "
    )
    console.flush_now()
    block = console.document().findBlockByNumber(1)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 6)  # inside File "blink.py"
    point = console.cursorRect(cursor).center()
    assert console.link_at(point) == ("blink.py", 7)
    with qtbot.waitSignal(console.link_activated, timeout=1000) as blocker:
        qtbot.mouseClick(console.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["blink.py", 7]
    assert console.link_at(QPoint(2, 2)) is None  # "Traceback ..." is not a link


def test_explanation_is_shown_after_a_traceback(qtbot):
    seen: list[str] = []

    def explainer(text: str) -> str | None:
        seen.append(text)
        return "A name is used before it was given a value."

    console = ConsoleWidget(explainer=explainer)
    qtbot.addWidget(console)
    console.feed(
        b"Traceback (most recent call last):\r\n"
        b'  File "<stdin>", line 1, in <module>\r\n'
        b"NameError: name 'x' isn't defined\r\n>>> "
    )
    console.flush_now()
    assert seen and seen[0].endswith("NameError: name 'x' isn't defined")
    assert console.toPlainText().splitlines()[3] == "A name is used before it was given a value."
    assert console.toPlainText().endswith(">>> ")


def test_flood_keeps_the_event_loop_responsive(qtbot):
    """1 MB arriving in many small pieces: the event loop is never held for 100 ms. (A
    scrollback of more lines than the flood has, so all of it is drawn: none is skipped.)"""
    console = ConsoleWidget(max_lines=25000)
    qtbot.addWidget(console)
    console.resize(700, 400)
    console.show()
    qtbot.waitExposed(console)
    line = b"x = %06d the quick brown fox jumps over the lazy dog\r\n"
    payload = b"".join(line % i for i in range(20000))  # ~1.1 MB
    assert len(payload) > 1_000_000
    pieces = [payload[i : i + 512] for i in range(0, len(payload), 512)]
    console.feed(b"warm up\r\n")  # the first bytes import pyte: start-up, not the flood
    console.flush_now()

    def feeder():
        for _ in range(40):
            if pieces:
                console.feed(pieces.pop(0))

    feed_timer = QTimer()
    feed_timer.setInterval(1)
    feed_timer.timeout.connect(feeder)
    probe = EventLoopProbe()
    probe.start()
    feed_timer.start()
    qtbot.waitUntil(lambda: not pieces and not console.has_pending_output(), timeout=60000)
    probe.stop()
    feed_timer.stop()
    assert console.toPlainText().endswith((line % 19999).decode().replace("\r\n", "\n"))
    assert "skipped" not in console.toPlainText()
    assert len(probe.gaps) > 10
    print(probe.summary())
    assert probe.stalls() == [], probe.summary()


def test_a_run_is_announced_after_the_prompt(console):
    console.feed(b">>> ")
    console.start_program("Run blink.py")
    console.feed(b"blink 0\r\n")
    console.flush_now()
    assert console.toPlainText() == ">>> Run blink.py\nblink 0\n"
    console.feed(b">>> print(1")  # a half-typed line stays, the label goes below it
    console.start_program("Run blink.py")
    console.flush_now()
    assert console.toPlainText().endswith(">>> print(1\nRun blink.py\n")


@pytest.mark.parametrize("cut", [b"\x1b[3", "é".encode()[:1], b"\x1b[31m"])
def test_a_dropped_link_leaves_no_half_sequence_or_colour_behind(console, cut: bytes):
    """The link drops mid escape sequence / UTF-8 character / colour: the next board's banner
    starts on its own line, whole and in the default style."""
    console.feed(b">>> print('x')\r\n" + cut)
    console.flush_now()
    console.end_line()
    console.feed(b"MicroPython v1.29.0\r\n>>> ")
    console.flush_now()
    lines = console.toPlainText().splitlines()
    assert "MicroPython v1.29.0" in lines, lines
    assert "\ufffd" not in console.toPlainText()
    assert console._screen.style == DEFAULT_STYLE


def test_colours_of_skipped_output_do_not_pile_up(console):
    """A program colouring every line without ever resetting: the colours carried past each
    cut stay a few sequences, not a block that grows cut after cut (it broke the 4 MB cap)."""
    console.feed(b"warm up\r\n")
    console.flush_now()
    console.user_stopped()
    for _ in range(20):
        console.feed(b"".join(b"\x1b[31mR%d\x1b[39m\r\n" % i for i in range(3000)))
    assert len(console._backlog) < 3 * console.max_lines * 20
    carried = console._backlog.split(b"[... output skipped ...]\r\n", 1)[1]
    assert len(carried.split(b"\r\n", 1)[0]) < 200


def test_a_run_after_stop_keeps_every_line_again(console):
    """Stop (or Ctrl-C at the prompt) lets old lines be skipped until a program runs again;
    a run started any way (the Files pane's Run too) keeps every line."""
    console.user_stopped()
    console.repl_mode = False  # a program runs
    console.feed(b"".join(b"%d\r\n" % i for i in range(3000)))
    assert console._backlog_lines == 3000
