"""ide.core.packages against a local index in mip's real layout and the virtual board, with
mpremote's own `mip install` on a second virtual board as the independent cross-check."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ide.board import connect
from ide.core import packages
from ide.core.packages import Hosts
from ide.text import Message
from tests.helpers.package_index import IndexServer


@pytest.fixture
def server() -> Iterator[IndexServer]:
    srv = IndexServer()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def session(sim: Any) -> Iterator[Any]:
    s = connect(sim.port)
    try:
        yield s
    finally:
        s.close()


def _opts(server: IndexServer, tmp_path: Path) -> dict[str, Any]:
    return {
        "index_url": server.url,
        "cache_dir": tmp_path / "cache",
        "hosts": Hosts(github=server.url + "/gh"),
    }


def tree(s: Any, path: str = "/lib", skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under ``path`` on the board -> its bytes."""
    out: dict[str, bytes] = {}
    if not s.exists(path):
        return out
    for entry in s.listdir(path):
        if entry.name in skip:
            continue
        if entry.is_dir:
            out.update(tree(s, entry.path, skip))
        else:
            out[entry.path] = s.read_file(entry.path)
    return out


def test_search_reads_the_index(server: IndexServer, tmp_path: Path) -> None:
    found = packages.search("display", server.url, tmp_path / "cache")
    # the name first, then a description that mentions it ("fonts for small displays")
    assert [e.name for e in found.entries] == ["display", "fonts"]
    assert found.entries[0].description == "Draw on an SSD1306 OLED display."
    assert found.entries[0].version == "0.2"
    assert not found.offline
    assert [
        e.name for e in packages.search("ssd1306 OLED", server.url, tmp_path / "c").entries
    ] == ["display"]
    every = packages.search("", server.url, tmp_path / "cache").entries
    assert {e.name for e in every} == {"fonts", "display", "pyonly", "broken", "big"}


def test_install_with_a_dependency_picks_the_mpy_build(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    report = packages.install(session, "display", **_opts(server, tmp_path))
    assert [p.name for p in report.packages] == ["display", "fonts"]
    files = tree(session, skip=(".hotaru-packages",))
    assert sorted(files) == ["/lib/display/__init__.mpy", "/lib/display/draw.mpy", "/lib/fonts.mpy"]
    listed = {p.name: p.version for p in packages.installed(session)}
    assert listed == {"display": "0.2", "fonts": "1.1"}
    meta = json.loads(session.read_file("/lib/.hotaru-packages/display.json"))
    assert meta["files"] == ["display/__init__.mpy", "display/draw.mpy"]
    assert meta["deps"] == ["fonts"] and meta["source"] == "display" and meta["build"] == "6"


def test_pure_python_package_installs_and_imports(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    packages.install(session, "pyonly", **_opts(server, tmp_path))
    assert session.exec("import pyonly\nprint(pyonly.VALUE)").strip() == "42"


def test_files_already_on_the_board_are_not_sent_again(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    packages.install(session, "fonts", **_opts(server, tmp_path))
    again = packages.install(session, "fonts", **_opts(server, tmp_path))
    assert again.written == [] and "/lib/fonts.mpy" in again.unchanged


def test_mpremote_mip_makes_the_same_files(
    session: Any, sim: Any, server: IndexServer, tmp_path: Path, _sim_spares: Any
) -> None:
    """The independent cross-check: mpremote's own mip on a second virtual board."""
    from tests.helpers.simulator_helpers import mpremote

    sensor = "github:hotaru-test/sensor-lib"
    for name in ("display", sensor):
        packages.install(session, name, **_opts(server, tmp_path))
    packages.install(session, "pyonly", **_opts(server, tmp_path))
    ours = tree(session, skip=(".hotaru-packages",))
    assert "/lib/sensor_util/helpers.py" in ours and "/lib/sensor.py" in ours

    other = _sim_spares.take()
    try:
        # mpremote sends github: to the real GitHub; the same package.json over plain http
        sensor_http = f"{server.url}/gh/hotaru-test/sensor-lib/HEAD/package.json"
        for extra in ((), ("--no-mpy",)):
            names = ["display", sensor_http] if not extra else ["pyonly"]
            proc = mpremote(other.port, "mip", "install", "--index", server.url, *extra, *names)
            assert proc.returncode == 0, proc.stdout + proc.stderr
        s2 = connect(other.port)
        try:
            theirs = tree(s2)
        finally:
            s2.close()
    finally:
        other.close()
    assert theirs == ours


def test_a_damaged_file_is_refused_before_anything_is_written(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    with pytest.raises(packages.HashMismatch) as info:
        packages.install(session, "broken", **_opts(server, tmp_path))
    assert isinstance(info.value.message, Message)
    assert "broken" in str(info.value.message)
    assert not session.exists("/lib")


def test_no_space_is_refused_before_writing(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    before = session.disk_usage("/")
    with pytest.raises(packages.NoSpace):
        packages.install(session, "big", **_opts(server, tmp_path))
    assert not session.exists("/lib")
    assert session.disk_usage("/") == before


def test_cancel_in_the_middle_leaves_lib_as_it_was(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    opts = _opts(server, tmp_path)
    packages.install(session, "fonts", "1.0", **opts)
    before = tree(session)
    copied: list[str] = []

    def progress(step: Message, done: int, total: int) -> None:
        if step.source.startswith("Copying") and done > 0:
            copied.append(step.args["path"])

    # the second file's first bytes have gone when Cancel is pressed
    def cancel() -> bool:
        return len(set(copied)) >= 2

    with pytest.raises(packages.Cancelled):
        packages.install(session, "display", None, progress, cancel, **opts)
    assert len(set(copied)) >= 2
    assert tree(session) == before
    assert [(p.name, p.version) for p in packages.installed(session)] == [("fonts", "1.0")]


class FailsOnSecondWrite:
    """The real session, except that the second file write fails (as a cut cable or a full
    board would make it): a fault the simulator cannot show on cue."""

    def __init__(self, session: Any) -> None:
        self._session = session
        self.writes = 0

    def write_file(self, path: str, data: bytes, progress: Any = None) -> None:
        self.writes += 1
        if self.writes == 2:
            raise ConnectionError("link lost")
        self._session.write_file(path, data, progress)

    def write_files(self, files: Any, progress: Any = None) -> None:
        # the stream path (Session.write_files) fails at its second file the same way: the
        # files before it are written, the rest are not
        for path, data in files:
            self.write_file(path, data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def test_a_failure_in_the_middle_leaves_lib_as_it_was(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    opts = _opts(server, tmp_path)
    packages.install(session, "fonts", "1.0", **opts)
    before = tree(session)
    flaky = FailsOnSecondWrite(session)
    with pytest.raises(ConnectionError):
        packages.install(flaky, "display", **opts)
    assert flaky.writes == 2
    assert tree(session) == before  # no .hotaru-new left, no folder made, fonts 1.0 kept


def test_offline_uses_the_cache_and_says_so(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    opts = _opts(server, tmp_path)
    packages.install(session, "display", **opts)
    first = tree(session)
    packages.uninstall(session, "display")
    packages.uninstall(session, "fonts")
    assert tree(session, skip=(".hotaru-packages",)) == {}
    server.stop()  # the network is gone
    found = packages.search("oled", server.url, opts["cache_dir"])
    assert found.offline and [e.name for e in found.entries] == ["display"]
    report = packages.install(session, "display", **opts)
    assert report.offline_since is not None
    assert tree(session) == first
    with pytest.raises(packages.NoNetwork):
        packages.search("x", server.url, tmp_path / "empty-cache")


def test_update_replaces_the_old_version_and_removes_its_stale_files(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    opts = _opts(server, tmp_path)
    packages.install(session, "fonts", "1.0", mpy=False, **opts)  # the .py build, 1.0
    assert session.read_file("/lib/fonts.py").startswith(b"VERSION = '1.0'")
    index = packages.search("", **opts_for_search(opts)).index
    assert packages.outdated(packages.installed(session), index) == {"fonts": "1.1"}
    report = packages.update(session, "fonts", **opts)
    assert report.removed == ["/lib/fonts.py"]  # the .mpy build replaces it
    assert not session.exists("/lib/fonts.py") and session.exists("/lib/fonts.mpy")
    assert [(p.name, p.version) for p in packages.installed(session)] == [("fonts", "1.1")]


def opts_for_search(opts: dict[str, Any]) -> dict[str, Any]:
    return {"index_url": opts["index_url"], "cache_dir": opts["cache_dir"]}


def test_not_found_and_uninstall_of_files_put_there_by_hand(
    session: Any, server: IndexServer, tmp_path: Path
) -> None:
    with pytest.raises(packages.NotFound):
        packages.install(session, "no-such-thing", **_opts(server, tmp_path))
    with pytest.raises(packages.NotFound):
        packages.install(session, "fonts", "9.9", **_opts(server, tmp_path))
    session.mkdir("/lib/handmade")
    session.write_file("/lib/handmade/__init__.py", b"x = 1\n")
    session.write_file("/lib/lone.py", b"y = 2\n")
    assert [(p.name, p.version) for p in packages.installed(session)] == [
        ("handmade", None),
        ("lone", None),
    ]
    packages.uninstall(session, "handmade")
    packages.uninstall(session, "lone")
    assert session.listdir("/lib") == []


def test_install_from_local_files_and_folders(session: Any, tmp_path: Path) -> None:
    (tmp_path / "blink.py").write_text("N = 3\n")
    drv = tmp_path / "mydriver"
    (drv / "__pycache__").mkdir(parents=True)
    (drv / "__init__.py").write_text("from mydriver.core import go\n")
    (drv / "core.py").write_text("def go():\n    return 'go'\n")
    (drv / "__pycache__" / "core.cpython-311.pyc").write_bytes(b"junk")
    opts = {"cache_dir": tmp_path / "cache", "index_url": "http://127.0.0.1:9/unused"}
    packages.install(session, str(tmp_path / "blink.py"), **opts)
    packages.install(session, str(drv), **opts)
    assert session.exec("import mydriver, blink\nprint(mydriver.go(), blink.N)").strip() == "go 3"
    assert sorted(tree(session, skip=(".hotaru-packages",))) == [
        "/lib/blink.py",
        "/lib/mydriver/__init__.py",
        "/lib/mydriver/core.py",
    ]
    packages.uninstall(session, "mydriver")
    assert not session.exists("/lib/mydriver")


def test_unsafe_paths_in_a_package_json_are_refused(tmp_path: Path) -> None:
    from ide.core.packages.resolve import safe_relative

    for bad in ("../boot.py", "/main.py", "a/../../x.py", "a\\b.py", ""):
        with pytest.raises(packages.BadPackage):
            safe_relative(bad, "package.json")
    assert safe_relative("umqtt/simple.py", "x") == "umqtt/simple.py"


def test_github_and_gitlab_short_urls() -> None:
    from ide.core.packages.sources import rewrite_url

    assert rewrite_url("github:org/repo/a/package.json") == (
        "https://raw.githubusercontent.com/org/repo/HEAD/a/package.json"
    )
    assert rewrite_url("gitlab:org/repo/x.py", "v1") == (
        "https://gitlab.com/org/repo/-/raw/v1/x.py"
    )
    assert rewrite_url("github:o/r/p.py", None, Hosts(github="http://127.0.0.1:1/gh")) == (
        "http://127.0.0.1:1/gh/o/r/HEAD/p.py"
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))
