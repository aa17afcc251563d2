"""WebREPL upload benchmark: Hotaru's session over ide.board.transports.webrepl against
MicroPython's own ``webrepl_cli.py`` (binary PUT requests), on the same simulator endpoint.

webrepl_cli.py is not on PyPI and is not part of Hotaru: pass the path of a copy from a
checkout of github.com/micropython/webrepl (``--cli PATH`` or the environment variable
HOTARU_WEBREPL_CLI). It is run as its own command line, as a user would, and never copied here.

    python bench/bench_webrepl.py --cli ~/src/webrepl/webrepl_cli.py [--runs 3] [--size-kb 100]

Both sides upload the same random --size-kb file to /bench.bin through one endpoint in front of
one virtual board; Hotaru's figure is one connect and one verified write_file (temporary name,
hash check, rename), webrepl_cli.py's is its whole run (start, login, PUT); the write alone on
an open session (as in the IDE, already connected) is shown too. Each figure is the
median of --runs. Target: Hotaru at least 3x faster.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.environ.get("HOTARU_WEBREPL_CLI"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size-kb", type=int, default=100)
    args = ap.parse_args()
    if not args.cli or not Path(args.cli).is_file():
        sys.exit("give --cli PATH/webrepl_cli.py (or HOTARU_WEBREPL_CLI)")

    from ide.board import connect
    from ide.simulator import start
    from ide.simulator.webrepl import WebReplEndpoint

    data = os.urandom(args.size_kb * 1024)
    password = "bench"
    with start(pty=False) as board, WebReplEndpoint(board, password) as ep:
        hotaru: list[float] = []
        open_session: list[float] = []  # the write alone, on a session already connected
        cli: list[float] = []
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "bench.bin"
            src.write_bytes(data)
            for _ in range(args.runs):
                t0 = time.perf_counter()
                with connect(ep.url, password=password) as s:
                    t1 = time.perf_counter()
                    s.write_file("/bench.bin", data)
                    t2 = time.perf_counter()
                    hotaru.append(t2 - t0)
                    open_session.append(t2 - t1)
                    print(f"  run: connect {t1 - t0:.2f} s, write {t2 - t1:.2f} s", flush=True)
                    s.remove("/bench.bin")
                ep.wait_free()  # it serves one client: the last one must be gone
                time.sleep(0.5)  # and the board finishes what the closing session sent
                t0 = time.perf_counter()
                subprocess.run(
                    [
                        sys.executable,
                        args.cli,
                        "-p",
                        password,
                        str(src),
                        f"127.0.0.1:{ep.port}:/bench.bin",
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                    timeout=600,
                )
                cli.append(time.perf_counter() - t0)
                ep.wait_free()
                with connect(ep.url, password=password) as s:
                    got = s.read_file("/bench.bin")
                    if got != data:
                        sys.exit("webrepl_cli.py's upload arrived damaged")
                    s.remove("/bench.bin")
                ep.wait_free()
    h, c = statistics.median(hotaru), statistics.median(cli)
    w = statistics.median(open_session)
    print(f"{args.size_kb} kB upload over WebREPL (median of {args.runs})")
    print(f"  Hotaru (verified write_file): {h:6.2f} s   {args.size_kb / h:7.1f} kB/s")
    print(f"  Hotaru, already connected:    {w:6.2f} s   {args.size_kb / w:7.1f} kB/s")
    print(f"  webrepl_cli.py put:           {c:6.2f} s   {args.size_kb / c:7.1f} kB/s")
    print(f"  Hotaru is {c / h:.1f}x faster (target >= 3x); {c / w:.1f}x when connected")


if __name__ == "__main__":
    main()
