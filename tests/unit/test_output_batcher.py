"""ide.ui.board.traffic.OutputBatcher: bytes in batches, and marks in order between them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ide.ui.board.traffic import OutputBatcher


def batcher() -> tuple[OutputBatcher, list[Callable[[], Any]], list[object]]:
    posted: list[Callable[[], Any]] = []  # what the GUI thread would run, in order
    seen: list[object] = []
    return OutputBatcher(posted.append, seen.append), posted, seen


def run(posted: list[Callable[[], Any]]) -> None:
    while posted:
        posted.pop(0)()


def test_bytes_added_while_a_delivery_is_queued_join_it() -> None:
    out, posted, seen = batcher()
    out.add(b"a")
    out.add(b"b")
    assert len(posted) == 1
    run(posted)
    assert seen == [b"ab"]


def test_a_mark_runs_between_the_bytes_before_and_after_it() -> None:
    """The old session's last output, then "a board answers anew", then the new banner: even
    when the banner joins the delivery the old output was queued in."""
    out, posted, seen = batcher()
    out.add(b">>> ")
    out.mark(lambda: seen.append("opening"))
    out.add(b"MicroPython v1.29")
    assert len(posted) == 1  # one delivery for all three
    run(posted)
    assert seen == [b">>> ", "opening", b"MicroPython v1.29"]


def test_a_mark_with_nothing_queued_is_delivered_alone() -> None:
    out, posted, seen = batcher()
    out.mark(lambda: seen.append("opening"))
    run(posted)
    out.add(b"x")
    run(posted)
    assert seen == ["opening", b"x"]
