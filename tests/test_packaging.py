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

ROOT = Path(__file__).resolve().parent.parent


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
