"""File transfer benchmark: Hotaru's ide.board against mpremote's own transport.

Both talk to the same virtual board (ide.simulator: the real MicroPython interpreter behind a
pty) in this one process, taking turns on the port. Every figure is the median of --runs runs.

    python bench/bench_transfer.py                 # unthrottled and 115200 baud
    python bench/bench_transfer.py --baud 115200   # only the throttled board
    python bench/bench_transfer.py --baud 0        # only unthrottled
    python bench/bench_transfer.py --limit         # only the board's own limit (below)

Line rate at B baud is B/10 bytes per second (8 data bits, start and stop bit). At a baud rate
the run also times a plain read loop on the board (`sys.stdin.buffer.readinto` of 100 kB): what
the simulated line itself carries on this machine today (under load its throttle falls a few per
cent short of the line rate), so an upload can be read against both.

The board's own limit (unthrottled, ``--limit`` alone or after the rest): in one process, on one
board opened over the simulator's pipes (the transport the IDE itself uses on it), interleaved
run by run, N bytes (30 kB, 500 kB and 800 kB, the most a 2 MB board holds twice: the old file
stays until the new one is verified)
  - read: a board program reads N bytes from ``sys.stdin.buffer.readinto`` (4 kB at a time)
    and nothing else; timed on the host from the first byte sent to the board's answer;
  - write: a board program writes N bytes from RAM to a file (open, 8 kB writes, close); the
    same program writing nothing is subtracted (starting a program is not writing);
  - verify: a board program re-reads that file and takes its sha256, as the upload helper
    checks every file before it renames it over its target (program start subtracted);
  - bare: the least a checked upload does, as one plain board program timed like the read
    (BARE_UPLOAD: read 8 kB at a time, write each chunk, close, re-read and hash; no frames,
    acknowledgements, temporary file or rename; the host sends all at once);
  - Hotaru's upload: ``write_file`` of N random bytes, all of it (helper start, temporary
    file, sha256 of the file as written, rename), timed on the host.
The limit is read + write: MicroPython runs the helper on one interpreter thread, so on a real
board, while it writes a chunk to the file it does not read the next one (only the port's small
input buffer, 256-512 bytes on ESP32/RP2, fills meanwhile). On the simulator other threads keep
filling its 1 MB input ring meanwhile, so writing hides partly under the read there, and the
bare program comes near 90 % of read + write though it also hashes every byte. Printed, as
medians of each run's own ratio (the read and write timed just before, at the same load) with
their interquartile range: the upload and the bare program against read + write, the upload
against the bare program; then the upload against read + write + verify (what the protocol
itself costs) and against the read alone (the stricter figure).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mpremote.transport_serial import SerialTransport  # noqa: E402

from ide import simulator  # noqa: E402
from ide.board import connect  # noqa: E402
from ide.board.transports.simulator import SimulatorTransport  # noqa: E402


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
        self.saved = self.repl.deflate
        self.repl.deflate = False

    def __exit__(self, *exc: object) -> None:
        self.repl.deflate = self.saved


# A plain read loop on the board: N bytes from its input, 4 kB at a time, nothing else.
READ_LOOP = """\
def _rl(n):
 import sys,micropython as m
 i=sys.stdin.buffer;b=bytearray(4096);v=memoryview(b);k=0
 m.kbd_intr(-1)
 try:
  sys.stdout.buffer.write(b'RDY')
  while k<n:k+=i.readinto(v[:min(4096,n-k)])
 finally:m.kbd_intr(3)
 print('done',k)
_rl({0})
"""

# The least a checked upload does on the board, as one plain program: N bytes read from its
# input 8 kB at a time (the upload's frame size), each chunk written to a file, the file closed,
# re-read and its sha256 taken. No frames, acknowledgements, temporary file or rename; the host
# sends everything at once. Timed like the read loop: the reference for Hotaru's upload.
BARE_UPLOAD = """\
def _bu(n):
 import sys,hashlib,micropython as m
 i=sys.stdin.buffer;b=bytearray(8192);v=memoryview(b);k=0;g=hashlib.sha256()
 f=open('/bare.bin','wb')
 m.kbd_intr(-1)
 try:
  sys.stdout.buffer.write(b'RDY')
  while k<n:
   l=min(8192,n-k);q=0
   while q<l:q+=i.readinto(v[q:l])
   f.write(v[:l]);k+=l
 finally:
  m.kbd_intr(3);f.close()
 with open('/bare.bin','rb') as f:
  while 1:
   l=f.readinto(b)
   if not l:break
   g.update(v[:l])
 print('done',k)
_bu({0})
"""

# A board-local write: N bytes from RAM to a file, 8 kB at a time (w=0: the same program
# without the file, to subtract what starting a program costs).
WRITE_LOCAL = """\
def _wl(n,w):
 b=bytearray(8192);v=memoryview(b);k=0
 if w:
  f=open('/limit.bin','wb')
  while k<n:
   l=min(8192,n-k);f.write(v[:l]);k+=l
  f.close()
 print('done',k)
_wl({0},{1})
"""


def host_timed(s: object, code: str, n: int) -> float:
    """Seconds from the first of ``n`` random bytes sent to a board program ``code`` (which
    says RDY, then reads them) until its answer."""
    repl = s.repl  # type: ignore[attr-defined]
    data = os.urandom(n)
    with s.operation():  # type: ignore[attr-defined]
        repl.send_code(code.encode())
        repl.link.read_until(b"RDY", 10.0)
        t0 = time.perf_counter()
        repl.link.write(data)
        out, err = repl.finish_exec()
        elapsed = time.perf_counter() - t0
    assert not err and f"done {n}".encode() in out, (out, err)
    return elapsed


def board_read(s: object, n: int) -> float:
    """Seconds the board takes to read ``n`` bytes in a plain readinto loop."""
    return host_timed(s, READ_LOOP.format(n), n)


def bare_upload(s: object, n: int) -> float:
    """Seconds the board takes for BARE_UPLOAD of ``n`` bytes (the file removed after)."""
    elapsed = host_timed(s, BARE_UPLOAD.format(n), n)
    s.remove("/bare.bin")  # type: ignore[attr-defined]
    return elapsed


# A board-local verification: the file re-read and its sha256 taken, as the upload helper
# checks every file before renaming it over its target (w=0: the same program without it).
VERIFY_LOCAL = """\
def _vl(w):
 import hashlib
 b=bytearray(8192);v=memoryview(b)
 if w:
  g=hashlib.sha256()
  with open('/limit.bin','rb') as f:
   while 1:
    l=f.readinto(b)
    if not l:break
    g.update(v[:l])
 print('done')
_vl({0})
"""


def board_local(s: object, working: str, idle: str) -> float:
    """Seconds the board spends in ``working`` beyond ``idle``, the same program doing nothing
    (starting a program is not the work)."""
    t0 = time.perf_counter()
    s.exec(working)  # type: ignore[attr-defined]
    t1 = time.perf_counter()
    s.exec(idle)  # type: ignore[attr-defined]
    t2 = time.perf_counter()
    return max((t1 - t0) - (t2 - t1), 0.0)


def board_verify(s: object) -> float:
    """Seconds the board takes to re-read /limit.bin and hash it (program start subtracted)."""
    return board_local(s, VERIFY_LOCAL.format(1), VERIFY_LOCAL.format(0))


def board_write(s: object, n: int) -> float:
    """Seconds the board takes to write ``n`` bytes to a file (program start subtracted)."""
    return board_local(s, WRITE_LOCAL.format(n, 1), WRITE_LOCAL.format(n, 0))


def _quartiles(values: list[float]) -> str:
    """Median and interquartile range of ratios, as percentages."""
    low, mid, high = statistics.quantiles(values, n=4)
    return f"{100 * mid:5.1f}% ({100 * low:3.0f}-{100 * high:3.0f})"


def board_limit(runs: int, sizes: tuple[int, ...] = (30_000, 500_000, 800_000)) -> None:
    """The board's own limit against Hotaru's upload, unthrottled, in one run (module doc)."""
    print(f"\n== the board's own limit (unthrottled; median of {runs}, interleaved) ==")
    print(
        f"{'N':>9} {'read':>8} {'write':>8} {'verify':>8} {'bare':>8} {'upload':>8} "
        f"{'upload, % of r+w (IQR)':>23} {'bare, % of r+w (IQR)':>21} {'upload/bare':>12} "
        f"{'% of r+w+verify':>16} {'% of read':>10}"
    )
    # the transport the IDE itself opens on the simulator (its pipes; the pty is for outside
    # tools), on a flash folder of its own
    with tempfile.TemporaryDirectory() as flash:
        s = connect("simulator", transport=SimulatorTransport(flash=flash))
        try:
            for n in sizes:
                _limit_row(s, n, runs)
        finally:
            s.close()


def _limit_row(s: object, n: int, runs: int) -> None:
    data = os.urandom(n)
    s.write_file("/up.bin", data)  # type: ignore[attr-defined]  # helpers installed
    t: dict[str, list[float]] = {k: [] for k in ("read", "write", "verify", "bare", "up")}
    for run in range(runs + 1):  # the first is a warm-up, not counted
        timed = {"read": board_read(s, n), "write": board_write(s, n)}
        timed["verify"] = board_verify(s)  # (the file board_write just wrote)
        # room for 800 kB twice on a 2 MB board: the upload makes /up.bin anew each run
        s.remove("/limit.bin")  # type: ignore[attr-defined]
        s.remove("/up.bin")  # type: ignore[attr-defined]
        timed["bare"] = bare_upload(s, n)
        t0 = time.perf_counter()
        s.write_file("/up.bin", data)  # type: ignore[attr-defined]
        timed["up"] = time.perf_counter() - t0
        for key, seconds in timed.items():
            if run:
                t[key].append(seconds)
    assert s.read_file("/up.bin") == data  # type: ignore[attr-defined]
    s.remove("/up.bin")  # type: ignore[attr-defined]
    # each run's ratios (the read and write timed just before, at the same load), then medians
    limit = [r + w for r, w in zip(t["read"], t["write"], strict=True)]
    ups = [x / u for x, u in zip(limit, t["up"], strict=True)]
    bares = [x / b for x, b in zip(limit, t["bare"], strict=True)]
    versus = [b / u for b, u in zip(t["bare"], t["up"], strict=True)]
    read, write, verify, bare, up = (statistics.median(t[k]) for k in t)
    print(
        f"{n:>9} {1000 * read:6.1f}ms {1000 * write:6.1f}ms {1000 * verify:6.1f}ms "
        f"{1000 * bare:6.1f}ms {1000 * up:6.1f}ms {_quartiles(ups):>23} {_quartiles(bares):>21} "
        f"{100 * statistics.median(versus):11.1f}% "
        f"{100 * (read + write + verify) / up:15.1f}% {100 * read / up:9.1f}%"
    )


class Mpremote:
    def __init__(self, port: str, baud: int) -> None:
        self.t = SerialTransport(port, baudrate=baud)
        self.t.enter_raw_repl(soft_reset=False)

    def close(self) -> None:
        self.t.exit_raw_repl()
        self.t.close()


def bench(baud: int | None, runs: int) -> list[tuple[str, float, float, int]]:
    rows: list[tuple[str, float, float, int]] = []
    # a flash folder of its own: the user's simulator (or another bench) may hold the default
    with tempfile.TemporaryDirectory() as flash, simulator.start(baud=baud, flash=flash) as h:
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
        if baud:  # what the simulated line itself carries today (see the module doc)
            line = statistics.median(board_read(s, 100_000) for _ in range(runs))
            ours["board's own read loop, 100 kB (the line)"] = line
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
        sizes["read loop, 100 kB"] = 100_000
        for key, t_ours in ours.items():
            size = 0
            for name, n in sizes.items():
                if name in key:
                    size = n
            base = key.replace(" (no deflate)", "").replace(" (one by one)", "")
            rows.append((key, t_ours, theirs.get(base, float("nan")), size))
    return rows


def report(baud: int | None, rows: list[tuple[str, float, float, int]]) -> None:
    """One line per figure: Hotaru beside mpremote ("-" where mpremote has no such row); at a
    baud also each as % of the line rate and Hotaru's as % of what the simulated line carried
    (its own read loop, measured in the same run)."""
    label = f"{baud} baud" if baud else "unthrottled"
    print(f"\n== {label} ==")
    head = f"{'':44} {'Hotaru':>9} {'mpremote':>9} {'speed-up':>9}"
    carried = next((t for k, t, _m, _n in rows if "read loop" in k), None)
    if baud:
        head += f" {'Hotaru % of line':>17} {'mpremote %':>11} {'Hotaru % of read loop':>22}"
    print(head)
    for key, ours, theirs, size in rows:
        mine = f"{key:44} {ours:8.3f}s"
        if theirs == theirs:  # (not NaN: mpremote has this row)
            mine += f" {theirs:8.3f}s {theirs / ours:8.2f}x"
        else:
            mine += f" {'-':>9} {'-':>9}"
        if baud and size:
            rate = baud / 10
            mine += f" {100 * size / ours / rate:16.1f}%"
            mine += f" {100 * size / theirs / rate:10.1f}%" if theirs == theirs else f" {'-':>11}"
            if carried and "random" in key and "up " in key:
                mine += f" {100 * size / ours / (100_000 / carried):21.1f}%"
        print(mine)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baud", type=int, default=None, help="115200, or 0 for unthrottled only")
    ap.add_argument("--runs", type=int, default=0, help="default: 7 unthrottled, 3 at a baud")
    ap.add_argument("--limit", action="store_true", help="only the board's own limit")
    args = ap.parse_args()
    if not args.limit:
        bauds: list[int | None] = [None, 115200] if args.baud is None else [args.baud or None]
        for baud in bauds:
            runs = args.runs or (3 if baud else 7)
            print(f"(median of {max(3, runs)} runs after one warm-up run)")
            report(baud, bench(baud, max(3, runs)))
    if args.limit or args.baud is None:
        board_limit(max(5, args.runs or 15))


if __name__ == "__main__":
    main()
