"""File transfer benchmark: Hotaru's ide.board against mpremote's own transport.

Both talk to the same virtual board (ide.simulator: the real MicroPython interpreter behind a
pty) in this one process, taking turns on the port. Every figure is the median of --runs runs.

    python bench/bench_transfer.py                 # unthrottled and 115200 baud
    python bench/bench_transfer.py --baud 115200   # only the throttled board
    python bench/bench_transfer.py --baud 0        # only unthrottled

Line rate at B baud is B/10 bytes per second (8 data bits, start and stop bit).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mpremote.transport_serial import SerialTransport  # noqa: E402

from ide import simulator  # noqa: E402
from ide.board import connect  # noqa: E402


def median_time(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up, not timed (the simulator's WebAssembly compiles hot code on first use)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def python_source(size: int) -> bytes:
    rng = random.Random(5)
    words = ["led", "pin", "value", "sleep", "print", "for", "in", "range", "if", "else"]
    lines = ["from machine import Pin", "import time", ""]
    while sum(len(x) + 1 for x in lines) < size:
        lines.append(
            "    " * rng.randrange(3)
            + " ".join(rng.choice(words) for _ in range(rng.randrange(3, 9)))
            + f"  # {rng.randrange(10**6)}"
        )
    return ("\n".join(lines) + "\n").encode()[:size]


def real_source(size: int, skip: int = 0) -> bytes:
    """Real Python source (this project's own modules, in a fixed order), not generated text."""
    root = Path(__file__).resolve().parent.parent / "ide"
    text = b"".join(p.read_bytes() for p in sorted(root.rglob("*.py")))
    return text[skip : skip + size]


class no_deflate:
    """Within: the session behaves as on a board without deflate (uncompressed uploads)."""

    def __init__(self, session: object) -> None:
        self.repl = session.repl  # type: ignore[attr-defined]

    def __enter__(self) -> None:
        self.saved = getattr(self.repl, "_hotaru_deflate", None)
        self.repl._hotaru_deflate = False

    def __exit__(self, *exc: object) -> None:
        self.repl._hotaru_deflate = self.saved


class Mpremote:
    def __init__(self, port: str, baud: int) -> None:
        self.t = SerialTransport(port, baudrate=baud)
        self.t.enter_raw_repl(soft_reset=False)

    def close(self) -> None:
        self.t.exit_raw_repl()
        self.t.close()


def bench(baud: int | None, runs: int) -> list[tuple[str, float, float, int]]:
    rows: list[tuple[str, float, float, int]] = []
    with simulator.start(baud=baud) as h:
        port_baud = baud or 115200
        payloads = {
            "100 kB random binary": os.urandom(100_000),
            "30 kB .py": python_source(30_000),
            "30 kB real .py": real_source(30_000),
        }
        # a lib folder: 40 files of 1.5 kB, real Python source and random bytes
        folders = {
            "40 x 1.5 kB real .py": [real_source(1500, 1500 * i) for i in range(40)],
            "40 x 1.5 kB random": [os.urandom(1500) for _ in range(40)],
        }
        s = connect(h.port, port_baud)
        s.mkdir("/many")
        s.mkdir("/lib")
        s.exec(
            "for i in range(100):\n"
            "    with open('/many/file_%03d.py' % i, 'w') as f:\n"
            "        f.write('x = %d\\n' % i)\n"
        )
        ours: dict[str, float] = {}
        for name, data in payloads.items():
            ours["up " + name] = median_time(lambda d=data: s.write_file("/b.bin", d), runs)
            assert s.read_file("/b.bin") == data
            if name != "100 kB random binary":
                with no_deflate(s):
                    ours["up " + name + " (no deflate)"] = median_time(
                        lambda d=data: s.write_file("/b.bin", d), runs
                    )
            ours["down " + name] = median_time(lambda: s.read_file("/b.bin"), runs)
        for name, contents in folders.items():
            items = [(f"/lib/m{i:02d}.py", d) for i, d in enumerate(contents)]
            ours["up " + name] = median_time(lambda it=items: s.write_files(it), runs)
            assert all(s.read_file(p) == d for p, d in items[:2])

            def one_by_one(it: list[tuple[str, bytes]] = items) -> None:
                for p, d in it:
                    s.write_file(p, d)

            with no_deflate(s):
                ours["up " + name + " (one by one)"] = median_time(one_by_one, runs)
        ours["listdir 100 files"] = median_time(lambda: s.listdir("/many"), runs)
        s.release()
        m = Mpremote(h.port, port_baud)
        theirs: dict[str, float] = {}
        try:
            for name, data in payloads.items():
                theirs["up " + name] = median_time(
                    lambda d=data: m.t.fs_writefile("/m.bin", d), runs
                )
                assert m.t.fs_readfile("/m.bin") == data
                theirs["down " + name] = median_time(lambda: m.t.fs_readfile("/m.bin"), runs)
            for name, contents in folders.items():
                # what `mpremote cp -r` does per file over its transport: one fs_writefile each
                def theirs_folder(c: list[bytes] = contents) -> None:
                    for i, d in enumerate(c):
                        m.t.fs_writefile(f"/lib/m{i:02d}.py", d)

                theirs["up " + name] = median_time(theirs_folder, runs)
            theirs["listdir 100 files"] = median_time(lambda: m.t.fs_listdir("/many"), runs)
        finally:
            m.close()
        s.reacquire()
        s.close()
        sizes = {n: len(d) for n, d in payloads.items()}
        sizes.update({n: sum(len(d) for d in c) for n, c in folders.items()})
        for key, t_ours in ours.items():
            size = 0
            for name, n in sizes.items():
                if name in key:
                    size = n
            base = key.replace(" (no deflate)", "").replace(" (one by one)", "")
            rows.append((key, t_ours, theirs.get(base, float("nan")), size))
    return rows


def report(baud: int | None, rows: list[tuple[str, float, float, int]]) -> None:
    label = f"{baud} baud" if baud else "unthrottled"
    print(f"\n== {label} ==")
    head = f"{'':40} {'Hotaru':>9} {'mpremote':>9} {'speed-up':>9}"
    if baud:
        head += f" {'Hotaru % of line':>17} {'mpremote %':>11}"
    print(head)
    for key, ours, theirs, size in rows:
        line = f"{key:40} {ours:8.3f}s {theirs:8.3f}s {theirs / ours:8.2f}x"
        if baud and size:
            rate = baud / 10
            line += f" {100 * size / ours / rate:16.1f}% {100 * size / theirs / rate:10.1f}%"
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baud", type=int, default=None, help="115200, or 0 for unthrottled only")
    ap.add_argument("--runs", type=int, default=0, help="default: 7 unthrottled, 3 at a baud")
    args = ap.parse_args()
    bauds: list[int | None] = [None, 115200] if args.baud is None else [args.baud or None]
    for baud in bauds:
        runs = args.runs or (3 if baud else 7)
        print(f"(median of {max(3, runs)} runs after one warm-up run)")
        report(baud, bench(baud, max(3, runs)))


if __name__ == "__main__":
    main()
