"""The translation catalogue is complete, consistent and compiled (see tools/i18n_tools.py)."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

from tools import i18n_tools
from tools.i18n_tools import ROOT, TS_LANGUAGES, Entry, problems_in, qm_path, read_ts, ts_path

# Glossary terms (i18n/GLOSSARY.md, marked ✔) that every translation must use.
GLOSSARY = {
    r"\bfirmware\b": {"ja": "ファームウェア", "zh_CN": "固件"},
    r"\bsimulator\b": {"ja": "シミュレーター", "zh_CN": "模拟器"},
    r"\bREPL\b": {"ja": "REPL", "zh_CN": "REPL"},
    r"\bboards?\b": {"ja": "ボード", "zh_CN": "开发板"},
}


@pytest.mark.timeout(180)
def test_every_string_in_the_code_is_translated_and_every_qm_is_current() -> None:
    found = i18n_tools.check()
    assert not found, "\n".join(
        ["Translations are missing or stale (python -m tools.i18n_tools update|release):", *found]
    )


@pytest.mark.parametrize("language", TS_LANGUAGES)
def test_catalogue_has_the_lupdate_strings(language: str) -> None:
    sources = {e.source for e in read_ts(ts_path(language))}
    assert "The board ran out of memory." in " ".join(sources)


@pytest.mark.parametrize("language", TS_LANGUAGES)
def test_glossary_terms_are_used(language: str) -> None:
    wrong = []
    for e in read_ts(ts_path(language)):
        if e.kind in ("vanished", "obsolete", "unfinished"):
            continue
        for pattern, words in GLOSSARY.items():
            text = re.sub(r"\{\w*\}", "", e.source)  # {board} is a placeholder, not the word
            if re.search(pattern, text, re.IGNORECASE) and words[language] not in e.translation:
                wrong.append(
                    f"[{e.context}] {e.source!r} -> {e.translation!r}: use {words[language]}"
                )
    assert not wrong, "\n".join(wrong)


def test_checker_catches_missing_placeholders_and_accelerators() -> None:
    bad = [
        Entry("C", "Port {port} is busy", "ポートは使用中です", ""),
        Entry("C", "&File", "ファイル", ""),
        Entry("C", "Copied %1 files", "コピーしました", ""),
        Entry("C", "New", "", "unfinished"),
        Entry("C", "Gone", "", "vanished"),
        Entry("C", "&Open {name}", "{name} を開く(&O)", ""),
        Entry("C", "Scripts (*.py)", "スクリプト（*.py）", ""),
        Entry("C", "Scripts (*.py *.txt)", "スクリプト (*.py *.txt)", ""),
    ]
    found = problems_in(bad, "ja")
    assert len(found) == 5, found
    assert "file filter" in found[4]
    assert "{port}" in found[0] and "accelerator" in found[1] and "%1" in found[2]
    assert "not translated" in found[3]


@pytest.mark.timeout(180)
def test_check_notices_new_code_strings_and_stale_qm(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "ide", root / "ide", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "i18n", root / "i18n")
    assert i18n_tools.check(root) == []
    (root / "ide" / "new_text.py").write_text(
        "from ide.text import QT_TRANSLATE_NOOP\n"
        'X = QT_TRANSLATE_NOOP("Board", "A brand new sentence about {port}")\n'
    )
    found = i18n_tools.check(root)
    assert any("A brand new sentence" in f for f in found) and len(found) == 2, found
    qm = qm_path("ja", root / "i18n")
    qm.write_bytes(qm.read_bytes() + b"\0")
    assert any("hotaru_ja.qm is out of date" in f for f in i18n_tools.check(root))


def test_check_reports_a_missing_ts_instead_of_failing(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(ROOT / "ide", root / "ide", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "i18n").mkdir()
    for name in ("hotaru_ja.ts", "hotaru_ja.qm", "hotaru_zh_CN.qm"):
        shutil.copy(ROOT / "i18n" / name, root / "i18n" / name)
    found = i18n_tools.check(root)
    assert found == [
        f"{ts_path('zh_CN', root / 'i18n')} is missing: run python -m tools.i18n_tools update"
    ]


def test_tr_is_called_on_self_only() -> None:
    """lupdate files `parent.tr("x")` under the context "parent", but at run time Qt looks the
    text up under the parent's class name, so it would never be translated."""
    bad = []
    for path in i18n_tools.source_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\b(?!self\b)\w+\.tr\(", line):
                bad.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not bad, "use self.tr() or QCoreApplication.translate(context, ...):\n" + "\n".join(bad)


def test_plural_messages_are_read_and_filled(tmp_path: Path) -> None:
    (tmp_path / "ide").mkdir()
    (tmp_path / "ide" / "w.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass W(QWidget):\n"
        "    def f(self, n):\n        return self.tr('%n file(s) copied', '', n)\n"
    )
    i18n_tools.update(tmp_path)
    ts = ts_path("ja", tmp_path / "i18n")
    assert [e.kind for e in read_ts(ts)] == ["unfinished"]
    entry = {"context": "W", "source": "%n file(s) copied"}
    assert i18n_tools.apply(
        "ja", [{**entry, "translation": "%n 個のファイルをコピーしました"}], tmp_path
    )
    i18n_tools.update(tmp_path)  # lupdate keeps what apply wrote
    (got,) = read_ts(ts)
    assert got.kind == "" and got.translation == "%n 個のファイルをコピーしました"
    assert problems_in([got], "ja") == []


# ASCII punctuation right after a Japanese or Chinese character: full-width belongs there.
HALF_WIDTH_AFTER_CJK = {
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff][?!]"),
    "zh_CN": re.compile(r"[\u4e00-\u9fff][,.:;?!]"),
}


@pytest.mark.parametrize("language", TS_LANGUAGES)
def test_cjk_sentences_use_full_width_punctuation(language: str) -> None:
    wrong = [
        f"[{e.context}] {e.translation!r}"
        for e in read_ts(ts_path(language))
        if HALF_WIDTH_AFTER_CJK[language].search(e.translation)
    ]
    assert not wrong, "\n".join(wrong)


def _text_arg(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name == "tr":
        return call.args[0] if call.args else None
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
        if name == "translate" and not (
            isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "QCoreApplication"
        ):
            return None
        return call.args[1]
    return None


def test_translated_text_is_a_literal_lupdate_can_see() -> None:
    """tr(f"...") or tr(variable) is invisible to lupdate and stays English forever. A lookup of
    text marked elsewhere (QT_TRANSLATE_NOOP) says so with "# i18n: marked" on its line."""
    bad = []
    for path in i18n_tools.source_files():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            arg = _text_arg(node)
            if arg is None or (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                continue
            if "# i18n: marked" in lines[node.lineno - 1]:
                continue
            bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("argv", [["pending"], ["apply"], ["apply", "ja"], ["frobnicate"]])
def test_tool_without_its_arguments_prints_how_to_use_it(argv: list[str], capsys) -> None:
    assert i18n_tools.main(argv) == 2
    assert "python -m tools.i18n_tools pending ja" in capsys.readouterr().out
