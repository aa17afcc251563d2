"""Run MicroPython's own mpremote test suite against Hotaru's simulator (a developer's check).

    python -m tools.run_mpremote_suite /path/to/micropython [test_x.sh ...]

The suite lives in MicroPython's repository (tools/mpremote/tests), not on any package registry,
and the project does not copy it, so CI cannot run it: our own tests in
tests/board/test_simulator_mpremote.py cover what it exercises. Run this by hand against a
checkout to compare the simulator with a real board. Expected on the simulator: every test but
test_resume.sh, whose last step needs USB auto-detection that a pseudo-terminal cannot give.

PYTHONUNBUFFERED is removed from the suite's environment: with it set, mpremote's own
"Local directory ... is mounted" line is written before the board's output instead of at exit,
and test_mount/test_unicode differ from their expected output on any board.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run(checkout: Path, tests: list[str]) -> int:
    """Serve a fresh simulator on a pseudo-terminal and run the suite against it."""
    suite = checkout / "tools" / "mpremote" / "tests"
    runner = suite / "run-mpremote-tests.sh"
    if not runner.is_file():
        print(f"no {runner}: give the path of a MicroPython checkout", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="hotaru-mpremote-suite-") as flash:
        board = subprocess.Popen(
            [sys.executable, "-m", "ide.simulator", "--flash", flash],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert board.stdout is not None
            port = board.stdout.readline().strip()
            if not port:
                print("the simulator did not start", file=sys.stderr)
                return 2
            env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
            # the suite starts mpremote.py with the `python3` on PATH: make it this one, which
            # has mpremote's own dependencies (platformdirs, pyserial)
            env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
            out = subprocess.run(
                ["bash", str(runner), "-t", port, *tests],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ).stdout
        finally:
            board.terminate()
            board.wait(10)
    print(out, end="")
    verdicts = [line.rsplit(": ", 1) for line in out.splitlines() if line.startswith(str(suite))]
    passed = [name for name, verdict in verdicts if verdict in ("OK", "skip")]
    print(f"{len(passed)} of {len(verdicts)} passed")
    return 0 if verdicts and len(passed) == len(verdicts) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path, help="a MicroPython repository's work tree")
    parser.add_argument("tests", nargs="*", help="test_*.sh files (default: all)")
    args = parser.parse_args(argv)
    return run(args.checkout, args.tests)


if __name__ == "__main__":
    sys.exit(main())
