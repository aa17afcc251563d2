"""Packaging glue that pyproject.toml alone cannot say: the top-level resources/ and i18n/
folders travel inside the wheel as ide/_resources and ide/_i18n (see ide/paths.py), and the
simulator's pinned MicroPython npm package is fetched at build time into ide/simulator/_npm, so
an installed wheel starts the virtual board without any network (ide.simulator.node_env)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tarfile
import urllib.request
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "ide" / "simulator" / "package-lock.json"
REGISTRY = "https://registry.npmjs.org"


def _tarball_url(name: str, version: str) -> str:
    # the registry's own layout for a scoped package: @scope/pkg/-/pkg-1.2.3.tgz
    return f"{REGISTRY}/{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"


def fetch_npm_packages(dest: Path) -> None:
    """Download every package the lockfile pins, check each against the lockfile's integrity
    hash, and unpack it under dest/node_modules as npm would."""
    lock = json.loads(LOCK.read_text())
    for key, entry in lock["packages"].items():
        if not key.startswith("node_modules/"):
            continue  # "" is the project itself
        name = key[len("node_modules/") :]
        url = entry.get("resolved") or _tarball_url(name, entry["version"])
        algo, _, want = entry["integrity"].partition("-")
        # HOTARU_NPM_TARBALLS=folder: use tarballs already downloaded (offline builds)
        local = os.environ.get("HOTARU_NPM_TARBALLS")
        cached = Path(local) / url.rsplit("/", 1)[-1] if local else None
        if cached is not None and cached.is_file():
            data = cached.read_bytes()
        else:
            with urllib.request.urlopen(url, timeout=120) as resp:
                data = resp.read()
        got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
        if got != want:
            raise RuntimeError(f"{url}: {algo} does not match package-lock.json")
        target = dest / key
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar.getmembers():
                if not member.isfile():
                    continue
                # npm tarballs hold everything under one top folder ("package/")
                rel = Path(*Path(member.name).parts[1:])
                if rel.is_absolute() or ".." in rel.parts:
                    raise RuntimeError(f"{url}: unsafe path {member.name}")
                out = target / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                src = tar.extractfile(member)
                assert src is not None
                out.write_bytes(src.read())


class BuildWithSimulator(build_py):
    def run(self) -> None:
        super().run()
        if not self.dry_run:
            fetch_npm_packages(Path(self.build_lib) / "ide" / "simulator" / "_npm")


setup(
    packages=[*find_packages(include=["ide", "ide.*"]), "ide._resources", "ide._i18n"],
    package_dir={"ide._resources": "resources", "ide._i18n": "i18n"},
    cmdclass={"build_py": BuildWithSimulator},
)
