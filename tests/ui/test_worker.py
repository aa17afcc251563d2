"""ide.ui.worker: the UI's one background thread (no board needed)."""

from __future__ import annotations

import threading

from ide.ui.worker import Task, Worker

WAIT_MS = 10000


def test_jobs_run_in_order_on_one_thread_and_answer_on_the_gui_thread(qtbot) -> None:
    worker = Worker()
    gui = threading.current_thread()
    threads: set[int] = set()
    events: list[object] = []

    def job(n: int) -> int:
        threads.add(threading.get_ident())
        assert threading.current_thread() is not gui
        return n

    for n in range(20):
        worker.submit(
            lambda n=n: job(n),
            lambda r: events.append(("done", r, threading.current_thread() is gui)),
            None,
            lambda: events.append("finish"),
        )
    assert events == []  # nothing answers inside submit(): results are queued to the GUI
    qtbot.waitUntil(lambda: len(events) == 40, timeout=WAIT_MS)
    assert events == [x for n in range(20) for x in (("done", n, True), "finish")]
    assert len(threads) == 1
    worker.stop()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=WAIT_MS)


def test_errors_reach_on_error_or_the_unhandled_signal(qtbot) -> None:
    worker = Worker()
    caught: list[BaseException] = []
    unhandled: list[object] = []
    worker.unhandled.connect(unhandled.append)
    finished: list[str] = []

    def boom() -> None:
        raise ValueError("boom")

    worker.submit(boom, None, caught.append, lambda: finished.append("a"))
    worker.submit(boom, None, None, lambda: finished.append("b"))
    worker.submit(lambda: 1, lambda _r: finished.append("c"))  # the thread survived
    qtbot.waitUntil(lambda: "c" in finished, timeout=WAIT_MS)
    assert [str(e) for e in caught] == ["boom"]
    assert [str(e) for e in unhandled] == ["boom"]  # type: ignore[misc]
    assert finished == ["a", "b", "c"]
    worker.stop()


def test_a_task_reports_progress_and_log_on_the_gui_thread_and_can_be_cancelled(qtbot) -> None:
    worker = Worker()
    gui = threading.current_thread()
    progress: list[int] = []
    lines: list[str] = []
    done: list[object] = []
    go = threading.Event()

    def flash(task: Task) -> str:
        go.wait(5)  # the GUI is busy meanwhile: progress piles up behind one queued call
        for i in range(1, 1001):
            task.progress(i)
            if i % 250 == 0:
                task.log(f"wrote {i}")
        while not task.cancelled:  # a long job checks at its safe points
            go.wait(0.01)
        return "stopped"

    def on_progress(value: int) -> None:
        assert threading.current_thread() is gui
        progress.append(value)

    task = worker.submit_task(
        flash, on_done=done.append, on_progress=on_progress, on_log=lines.append
    )
    go.set()
    qtbot.waitUntil(lambda: len(lines) == 4, timeout=WAIT_MS)
    assert lines == ["wrote 250", "wrote 500", "wrote 750", "wrote 1000"]  # every line, in order
    assert done == []
    task.cancel()
    qtbot.waitUntil(lambda: done == ["stopped"], timeout=WAIT_MS)
    assert progress[-1] == 1000  # the last value always arrives
    assert progress == sorted(progress) and len(progress) <= 1000
    worker.stop()
