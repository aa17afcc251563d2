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
    # the simulator has one name, also where the English says "virtual board"
    r"\bvirtual board\b": {"ja": "シミュレーター", "zh_CN": "模拟器"},
    # a USB drive (the Pico's BOOTSEL drive): 驱动器 reads as "driver" to a beginner
    r"\bdrive\b": {"ja": "ドライブ", "zh_CN": "U 盘"},
    # Python's SyntaxError is 構文エラー; 文法 is a language's grammar
    r"\bsyntax\b": {"ja": "構文", "zh_CN": "语法"},
}

# Words a translation must not use (GLOSSARY.md says what to write instead).
FORBIDDEN = {
    "ja": {
        "仮想ボード": "シミュレーター",
        "文法": "構文",
        "もう一度試してください": "もう一度お試しください (one register)",
        "貸し出し": "使用中",
    },
    "zh_CN": {
        "您": "你 (one second-person form)",
        "驱动器": "U 盘 / 磁盘",
        "虚拟开发板": "模拟器",
        "忙碌": "处理中",
        "复位键": "复位按键",
        "借给": "占用",
    },
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
            if pattern != r"\bvirtual board\b":  # the simulator's other name has its own word
                text = re.sub(r"\bvirtual board\b", "", text, flags=re.IGNORECASE)
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
    "zh_CN": re.compile(r"[\u4e00-\u9fff](?:[,:;?!]|\.(?!\.\.))"),  # "..." is the ellipsis rule's,
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


@pytest.mark.parametrize("language", TS_LANGUAGES)
def test_words_the_glossary_rules_out_are_not_used(language: str) -> None:
    wrong = [
        f"[{e.context}] {e.translation!r}: {word} -> {instead}"
        for e in read_ts(ts_path(language))
        for word, instead in FORBIDDEN[language].items()
        if word in e.translation
    ]
    assert not wrong, "\n".join(wrong)


def is_command(source: str) -> bool:
    """A menu item or button that opens a window ("&Open…", "Other source…", "Browse..."):
    a few words ending in an ellipsis, not a progress message ("Connecting…")."""
    text = source.replace("&", "")
    return bool(
        re.fullmatch(r"[A-Z][\w'’-]*(?: [\w'’:()-]+){0,6}(…|\.\.\.)", text)
        and not re.match(r"\w+ing\b", text)
    )


def ellipsis_problems(entries: list[Entry], language: str) -> list[str]:
    """GLOSSARY.md: ja writes one "…" everywhere; zh writes "..." at the end of a command
    (as a command's name also inside “ ”) and "……" in sentences and progress messages."""
    wrong = []
    for e in entries:
        t = e.translation
        if language == "ja":
            bad = "..." in t or "……" in t
        else:
            quoted = re.sub(r"“[^”]*”", "", t)  # a command named in a sentence keeps its ...
            lone = re.search(r"(?<!…)…(?!…)", t) is not None
            if is_command(e.source):
                bad = lone or "……" in t or not t.endswith("...")
            else:
                bad = lone or "..." in quoted
        if bad:
            wrong.append(f"[{e.context}] {e.source!r} -> {t!r}")
    return wrong


@pytest.mark.parametrize("language", TS_LANGUAGES)
def test_one_ellipsis_rule_per_language(language: str) -> None:
    wrong = ellipsis_problems(read_ts(ts_path(language)), language)
    assert not wrong, "\n".join(wrong)


def test_the_ellipsis_rule_tells_commands_from_sentences() -> None:
    def entry(source: str, translation: str) -> Entry:
        return Entry("C", source, translation, "")

    good_zh = [entry("&Open…", "打开(&O)..."), entry("Connecting...", "正在连接……")]
    good_zh.append(entry("Where Tools > Manage packages… finds", "“工具 > 管理软件包...”查找"))
    assert ellipsis_problems(good_zh, "zh_CN") == []
    bad_zh = [entry("&Open…", "打开(&O)……"), entry("Connecting...", "正在连接..."),
              entry("Browse...", "浏览…"), entry("Waiting…", "正在等待…")]  # fmt: skip
    assert len(ellipsis_problems(bad_zh, "zh_CN")) == 4
    assert ellipsis_problems([entry("&Open…", "開く(&O)…")], "ja") == []
    assert len(ellipsis_problems([entry("Connecting...", "接続しています...")], "ja")) == 1


# A half-width bracket after Chinese text, or around it: "运行脚本 (F5)" -> "运行脚本（F5）".
# Not an accelerator "(&F)", a file filter "(*.py)" or a call in code "Pin(2)".
HALF_WIDTH_BRACKET_ZH = re.compile(
    r"[\u4e00-\u9fff]\s*\((?![&*])|(?<![\w.])\((?![&*])[^()]*[\u4e00-\u9fff][^()]*\)"
)


def test_chinese_text_has_full_width_brackets() -> None:
    wrong = [
        f"[{e.context}] {e.translation!r}"
        for e in read_ts(ts_path("zh_CN"))
        if HALF_WIDTH_BRACKET_ZH.search(e.translation)
    ]
    assert not wrong, "\n".join(wrong)
    assert HALF_WIDTH_BRACKET_ZH.search("停止程序 (Ctrl+F2)")
    for fine in ("文件(&F)", "Python 脚本 (*.py)", "调用 gc.collect()。", "就是 Pin(2)。"):
        assert not HALF_WIDTH_BRACKET_ZH.search(fine), fine


def _accelerator(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["en", *TS_LANGUAGES])
def test_no_two_items_of_one_menu_share_an_access_key(language: str) -> None:
    """Read the menus from the actions table (ide/ui/window/actions.py) and the menu bar's
    titles; in every language each menu's letters are distinct and the same as the source's."""
    from ide.ui.window.actions import ACTIONS, CTX, EXAMPLES, MENUS, RECENT

    texts = {spec.name: (spec.context, spec.text) for spec in ACTIONS}
    texts[RECENT] = (CTX, "Open &recent")
    texts[EXAMPLES] = (CTX, "E&xamples")
    menus = {"menu bar": [(CTX, title) for _key, title, _entries in MENUS]}
    for key, _title, entries in MENUS:
        menus[key] = [texts[name] for name in entries if name in texts]
    catalogue = (
        {}
        if language == "en"
        else {(e.context, e.source): e.translation for e in read_ts(ts_path(language))}
    )
    wrong = []
    for menu, items in menus.items():
        seen: dict[str, str] = {}
        for key in items:
            shown = catalogue.get(key, key[1])
            letter = _accelerator(shown)
            if letter != _accelerator(key[1]):
                wrong.append(f"{menu}: {shown!r} has not the letter of {key[1]!r}")
            if letter and letter in seen:
                wrong.append(f"{menu}: {shown!r} and {seen[letter]!r} share &{letter}")
            if letter:
                seen[letter] = shown
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", TS_LANGUAGES)
def test_no_code_comment_reaches_translators(language: str) -> None:
    """lupdate takes the code's ``#:`` attribute comments for translator notes; update drops
    them (they told the translator of an error message about undo steps)."""
    assert "<extracomment>" not in ts_path(language).read_text(encoding="utf-8")
