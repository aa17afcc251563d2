"""Packaging glue that pyproject.toml alone cannot say: the top-level resources/ and i18n/
folders travel inside the wheel as ide/_resources and ide/_i18n (see ide/paths.py), and the
pinned MicroPython stub wheels the editor's completion reads are fetched with pip (hash-checked)
into resources/stubs/ before the wheel is built (see resources/stubs/requirements.txt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
STUBS = ROOT / "resources" / "stubs"


def fetch_stubs() -> None:
    """pip download the pinned stub wheels unless they are all there already."""
    wanted = [
        line.split("==")[0].strip().replace("-", "_")
        for line in (STUBS / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    have = {p.name.split("-")[0] for p in STUBS.glob("*.whl")}
    if all(name in have for name in wanted):
        return
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--require-hashes",
         "-r", str(STUBS / "requirements.txt"), "-d", str(STUBS)],
        check=True,
    )  # fmt: skip


class BuildWithStubs(build_py):
    def run(self) -> None:
        fetch_stubs()
        super().run()


if __name__ == "__main__":  # (tests/run.sh loads this file only for fetch_stubs)
    setup(
        packages=[*find_packages(include=["ide", "ide.*"]), "ide._resources", "ide._i18n"],
        package_dir={"ide._resources": "resources", "ide._i18n": "i18n"},
        cmdclass={"build_py": BuildWithStubs},
    )
