"""Finding Node.js asks `node --version` once per executable, not at every start (it costs a
process start on the way to the simulator's first prompt)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ide.simulator import node_env


@pytest.fixture
def fake_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `node` that answers --version, first on PATH; a private cache folder."""
    if sys.platform == "win32":
        pytest.skip("a shell script stands in for node")
    node = tmp_path / "bin" / "node"
    node.parent.mkdir()
    node.write_text("#!/bin/sh\necho v20.1.0\n")
    node.chmod(0o755)
    monkeypatch.setenv("HOTARU_NODE", str(node))
    monkeypatch.setenv("HOTARU_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(node_env, "_node_checked", set())
    return node


def test_node_is_asked_its_version_once(fake_node: Path, monkeypatch) -> None:
    asked: list[list[str]] = []
    real = subprocess.run

    def run(args, *a, **k):  # type: ignore[no-untyped-def]
        asked.append(list(args))
        return real(args, *a, **k)

    monkeypatch.setattr(node_env.subprocess, "run", run)
    assert node_env.node_executable() == str(fake_node)
    assert asked == [[str(fake_node), "--version"]]
    node_env._node_checked.clear()  # as in a new process
    assert node_env.node_executable() == str(fake_node)
    assert len(asked) == 1  # remembered in the cache folder


def test_a_node_replaced_in_place_is_asked_again(fake_node: Path) -> None:
    assert node_env.node_executable() == str(fake_node)
    fake_node.write_text("#!/bin/sh\necho v16.0.0\n")  # older, and another size and time
    os.utime(fake_node, ns=(1, 1))
    node_env._node_checked.clear()
    with pytest.raises(node_env.SimulatorUnavailable) as e:
        node_env.node_executable()
    assert "v16.0.0" in str(e.value)
