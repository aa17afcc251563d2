"""ide.board.listing on its own: what a real board can print that the simulator can't make on
demand (names that are not UTF-8 on the board's file system, a port printing odd bytes raw).
Names with control characters are tested on the simulator in test_board_session.py."""

from __future__ import annotations

from ide.board import Entry
from ide.board.listing import parse_listing


def board_output(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")  # as Session._exec_raw decodes it


def test_escaped_names() -> None:
    out = board_output(b"D0'lib'\0F12'a\\nb.txt'\0F-1\"it's\"\0F3'\xe6\x97\xa5\\r\\t'\0")
    assert parse_listing(out, "/x/") == [
        Entry("lib", "/x/lib", True, 0),
        Entry("a\nb.txt", "/x/a\nb.txt", False, 12),
        Entry("it's", "/x/it's", False, -1),
        Entry("日\r\t", "/x/日\r\t", False, 3),
    ]
    assert parse_listing("", "/") == []


def test_odd_bytes_never_break_the_listing() -> None:
    # noise; a name that is not UTF-8, printed raw by repr(); a raw line break (a broken UTF-8
    # lead byte can make a board's repr() print the next bytes raw); a bytes literal; a name
    # that is not a literal at all; an empty record
    out = board_output(
        b"noise\r\n\0"
        b"F1'bad\xff.txt'\0"
        b"F2'x\xf0\r\ny'\0"
        b"F3b'\\xe5\\x90\\x8d'\0"
        b"F4'\\N{oops}'\0"
        b"\0"
        b"D0'ok'\0"
    )
    entries = parse_listing(out, "/")
    assert [(e.name, e.size) for e in entries] == [
        ("bad\ufffd.txt", 1),
        ("x\ufffd\r\ny", 2),
        ("名", 3),
        ("\\N{oops}", 4),
        ("ok", 0),
    ]
    assert entries[-1] == Entry("ok", "/ok", True, 0)
