"""Finding Node.js and installing the pinned MicroPython npm package into the user's cache."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from ide import paths
from ide.simulator import filelock
from ide.text import QT_TRANSLATE_NOOP, Message, message

HERE = Path(__file__).resolve().parent
PACKAGE = "@micropython/micropython-webassembly-pyscript"
MIN_NODE = (18, 3)
MIN_NODE_TEXT = ".".join(str(n) for n in MIN_NODE)  # "18.3", for the messages
NPM_TIMEOUT = 300.0


class SimulatorUnavailable(RuntimeError):
    """The virtual board cannot run here; ``.message`` says why, for the user."""

    def __init__(self, msg: Message) -> None:
        super().__init__(str(msg))
        self.message = msg


def _find(program: str) -> str | None:
    override = os.environ.get(f"HOTARU_{program.upper()}")  # e.g. HOTARU_NODE=/opt/node/bin/node
    if override:
        return shutil.which(override)
    return shutil.which(program)


_node_checked: set[str] = set()  # node executables whose version was good


def node_executable() -> str:
    """Path of a Node.js >= 18.3, or SimulatorUnavailable."""
    node = _find("node")
    if node in _node_checked:
        return node
    if not node:
        raise SimulatorUnavailable(
            message(
                "Simulator",
                QT_TRANSLATE_NOOP(
                    "Simulator",
                    "The virtual board needs Node.js {version} or newer, and it was not found. "
                    "Install Node.js from https://nodejs.org and try again.",
                ),
                version=MIN_NODE_TEXT,
            )
        )
    try:
        out = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        out = ""
    m = re.match(r"v(\d+)\.(\d+)", out.strip())
    found = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if found < MIN_NODE:
        raise SimulatorUnavailable(
            message(
                "Simulator",
                QT_TRANSLATE_NOOP(
                    "Simulator",
                    "The virtual board needs Node.js {version} or newer; this computer has "
                    "{found}. Install a newer Node.js from https://nodejs.org and try again.",
                ),
                version=MIN_NODE_TEXT,
                found=out.strip() or "an unknown version",
            )
        )
    _node_checked.add(node)
    return node


def _install_dir() -> Path:
    lock = (HERE / "package-lock.json").read_bytes()
    digest = hashlib.sha256(lock).hexdigest()[:12]
    return paths.cache_dir() / "simulator" / f"npm-{digest}"


def micropython_module() -> Path:
    """Path of micropython.mjs, installing the pinned npm package on first use."""
    target = _install_dir()
    module = target / "node_modules" / PACKAGE / "micropython.mjs"
    done = target / ".installed"
    if done.exists() and module.exists():
        return module
    target.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f"{target.name}.lock", "w") as lock:
        filelock.lock(lock, wait=True)  # another Hotaru may be installing it right now
        if done.exists() and module.exists():
            return module
        _npm_ci(target)
        if not module.exists():
            raise SimulatorUnavailable(
                message(
                    "Simulator",
                    QT_TRANSLATE_NOOP(
                        "Simulator",
                        "Installing the virtual board's MicroPython package did not produce "
                        "{path}.",
                    ),
                    path=str(module),
                )
            )
        done.write_text("ok\n")
    return module


def _npm_ci(target: Path) -> None:
    node_executable()
    npm = _find("npm")
    if not npm:
        raise SimulatorUnavailable(
            message(
                "Simulator",
                QT_TRANSLATE_NOOP(
                    "Simulator",
                    "The virtual board needs npm (it comes with Node.js) to install MicroPython "
                    "once, and it was not found. Install Node.js with npm and try again.",
                ),
            )
        )
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(HERE / name, target / name)
    cmd = [npm, "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"]
    try:
        proc = subprocess.run(
            cmd, cwd=target, capture_output=True, text=True, timeout=NPM_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        detail = str(e)
    else:
        if proc.returncode == 0:
            return
        detail = (proc.stderr or proc.stdout).strip()[-2000:]
    raise SimulatorUnavailable(
        message(
            "Simulator",
            QT_TRANSLATE_NOOP(
                "Simulator",
                "Installing MicroPython for the virtual board with npm failed "
                "(is the internet reachable?):\n{detail}",
            ),
            detail=detail,
        )
    )
