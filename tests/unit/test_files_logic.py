"""Pure logic of the Files pane: board paths, hostile names, planning, clashes, progress."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ide.core.files.names import (
    UnsafeName,
    board_basename,
    board_join,
    board_parent,
    display_name,
    is_inside,
    local_target,
    unsafe_reason,
    valid_new_board_name,
)
from ide.core.files.plan import (
    BLOCKED,
    CLASH,
    NEW,
    UNCHANGED,
    Choice,
    ClashResolver,
    FileItem,
    ProgressMeter,
    classify,
    scan_local,
    sha256_file,
)


def test_board_paths() -> None:
    assert board_join("/", "a.py") == "/a.py"
    assert board_join("/lib", "x.py") == "/lib/x.py"
    assert board_join("", "x") == "/x"
    assert board_parent("/lib/x.py") == "/lib"
    assert board_parent("/x.py") == "/"
    assert board_parent("/") == "/"
    assert board_basename("/lib/x.py") == "x.py"
    assert is_inside("/lib/x.py", "/lib") and is_inside("/lib", "/lib")
    assert not is_inside("/library/x", "/lib")
    assert is_inside("/anything", "/")


@pytest.mark.parametrize(
    "name",
    ["", ".", "..", "../../escape.txt", "/etc/passwd", "a/b", "a\\b", "..\\x", "x\x00y"]
    + ["bell\x07", "new\nline", "del\x7f", "\\\\server\\share"],
)
def test_hostile_names_refused(name: str, tmp_path: Path) -> None:
    assert unsafe_reason(name, windows=False) is not None
    with pytest.raises(UnsafeName):
        local_target(tmp_path, ["ok", name], windows=False)


@pytest.mark.parametrize("name", ["main.py", "データ.txt", "数据 1.bin", "it's.py", "a..b", ".env"])
def test_ordinary_names_accepted(name: str, tmp_path: Path) -> None:
    assert unsafe_reason(name, windows=False) is None
    assert local_target(tmp_path, ["sub", name], windows=False) == tmp_path / "sub" / name


def test_windows_rules() -> None:
    assert unsafe_reason("a:b", windows=True) is not None
    assert unsafe_reason("C:evil", windows=True) is not None
    assert unsafe_reason("CON.txt", windows=True) is not None
    assert unsafe_reason("trailing.", windows=True) is not None
    assert unsafe_reason("ab:c", windows=False) is None
    assert unsafe_reason("ab:c", windows=True) is not None


def test_a_drive_letter_is_an_ordinary_name_off_windows(tmp_path: Path) -> None:
    # "a:b" and "C:evil" are drive-relative paths only on Windows; on Linux/macOS they are names
    for name in ("a:b", "C:evil"):
        assert unsafe_reason(name, windows=False) is None
        assert local_target(tmp_path, [name], windows=False) == tmp_path / name
    windows_reason = unsafe_reason("C:evil", windows=True)
    assert windows_reason is not None and "absolute" in str(windows_reason)


@pytest.mark.parametrize("name", ["a\udcff.txt", "\ud800", "x\udc80y"])
def test_a_name_with_a_lone_surrogate_is_refused_before_writing(name: str, tmp_path: Path) -> None:
    # Such a name has no UTF-8 form: the board would store and list back another name.
    with pytest.raises(UnicodeEncodeError):
        name.encode("utf-8")
    assert unsafe_reason(name, windows=False) is not None
    assert "UTF-8" in str(valid_new_board_name(name))
    src = tmp_path / "src"
    src.mkdir()
    (src / "fine.py").write_text("x")
    try:
        os.fsencode(name)  # surrogateescape: \udc80..\udcff are raw bytes for the OS
        creatable = True
    except UnicodeEncodeError:
        creatable = False
    if creatable:  # a file and a folder as os.listdir gives them from non-UTF-8 bytes
        (src / name).write_text("y")
        (src / ("dir" + name)).mkdir()
        (src / ("dir" + name) / "inner.py").write_text("z")
    plan = scan_local([src], "/")
    assert [str(i.target) for i in plan.items] == ["/src/fine.py"]
    if creatable:
        refused = {Path(p).name: str(why) for p, why in plan.refused}
        assert "UTF-8" in refused[name] and "UTF-8" in refused["dir" + name]


def test_symlink_out_of_root_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "link")
    with pytest.raises(UnsafeName):
        local_target(root, ["link", "x.txt"], windows=False)


def test_display_and_new_names() -> None:
    assert display_name("a\x01b") == "a\\x01b"
    assert display_name("ok.py") == "ok.py"
    assert valid_new_board_name("x.py") is None
    for bad in ["", "  ", "a/b", "..", "a\\b", "x\x01"]:
        assert valid_new_board_name(bad) is not None


def test_scan_local_folder_tree(tmp_path: Path) -> None:
    proj = tmp_path / "proj"
    (proj / "lib" / "deep").mkdir(parents=True)
    (proj / "__pycache__").mkdir()
    (proj / "__pycache__" / "x.pyc").write_bytes(b"x")
    (proj / "main.py").write_text("print(1)")
    (proj / "lib" / "a.py").write_text("A")
    (proj / "lib" / "deep" / "b.bin").write_bytes(b"\x00" * 10)
    single = tmp_path / "one.txt"
    single.write_text("1")
    plan = scan_local([proj, single], "/dest")
    assert plan.folders == ["/dest/proj", "/dest/proj/lib", "/dest/proj/lib/deep"]
    targets = {i.target: i.size for i in plan.items}
    assert targets == {
        "/dest/proj/main.py": 8,
        "/dest/proj/lib/a.py": 1,
        "/dest/proj/lib/deep/b.bin": 10,
        "/dest/one.txt": 1,
    }


def test_classify() -> None:
    items = [FileItem(Path(f"/l/{n}"), f"/r/{n}", 5) for n in "abcde"]
    board = {"/r/b": ("file", 5), "/r/c": ("file", 5), "/r/d": ("file", 9), "/r/e": ("dir", 0)}
    asked: list[str] = []

    def same(cands: list[FileItem]) -> set[int]:
        asked.extend(str(c.target) for c in cands)
        return {id(c) for c in cands if c.target == "/r/b"}

    classify(items, lambda i: board.get(str(i.target), (None, None)), same)
    assert [i.status for i in items] == [NEW, UNCHANGED, CLASH, CLASH, BLOCKED]
    assert asked == ["/r/b", "/r/c"]  # only equal sizes are hashed


def _clashes(n: int) -> list[FileItem]:
    return [FileItem(Path(f"/l/{i}"), f"/r/{i}", 1, CLASH) for i in range(n)] + [
        FileItem(Path("/l/new"), "/r/new", 1, NEW)
    ]


def test_resolver_overwrite_skip_and_all() -> None:
    answers = iter([Choice.OVERWRITE, Choice.SKIP, Choice.OVERWRITE_ALL])
    asked: list[int] = []

    def ask(item: FileItem, left: int) -> Choice:
        asked.append(left)
        return next(answers)

    items = _clashes(5)
    todo, skipped = ClashResolver(ask).resolve(items)
    assert asked == [4, 3, 2]  # the third answer covered the rest
    assert [str(i.target) for i in todo] == ["/r/0", "/r/2", "/r/3", "/r/4", "/r/new"]
    assert skipped == 1


def test_resolver_skip_all_and_cancel() -> None:
    res = ClashResolver(lambda item, left: Choice.SKIP_ALL)
    todo, skipped = res.resolve(_clashes(3))
    assert [str(i.target) for i in todo] == ["/r/new"] and skipped == 3
    assert ClashResolver(lambda item, left: Choice.CANCEL).resolve(_clashes(2)) is None


def test_progress_meter() -> None:
    now = [0.0]
    meter = ProgressMeter(10_000, clock=lambda: now[0])
    assert meter.eta is None and meter.rate == 0.0
    now[0] = 1.0
    meter.update(1000)
    assert meter.rate == pytest.approx(1000.0)
    assert meter.eta == pytest.approx(9.0)
    now[0] = 2.0
    meter.update(3000)
    assert meter.rate == pytest.approx(1500.0)
    assert meter.fraction == pytest.approx(0.3)
    for t in range(3, 20):
        now[0] = float(t)
        meter.update(3000 + (t - 2) * 100)
    assert meter.rate == pytest.approx(100.0)  # old fast samples left the window


def test_sha256_file(tmp_path: Path) -> None:
    p = tmp_path / "x"
    p.write_bytes(b"abc")
    assert sha256_file(p).startswith("ba7816bf")
