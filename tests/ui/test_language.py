"""Language choice, translators, CJK fonts and the View > Language menu."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from ide import i18n
from ide.core.explain import explain
from ide.ui import translate_message
from ide.ui.settings import language
from tools.i18n_tools import TS_LANGUAGES, read_ts, ts_path


@pytest.fixture
def app(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QApplication]:
    monkeypatch.setenv("HOTARU_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    yield qapp
    language.install_translators(qapp, "en")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["ja-JP", "en-US"], "ja"),
        (["zh-Hans-CN", "zh-CN"], "zh_CN"),
        (["zh-TW"], "zh_CN"),
        (["de-DE", "en-GB"], "en"),
        (["fr-FR"], "en"),
        (["de-DE", "ja"], "ja"),
        ([], "en"),
    ],
)
def test_os_languages_are_matched(names: list[str], expected: str) -> None:
    assert i18n.match_language(names) == expected


def test_stored_choice_beats_os_and_environment_beats_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.resolve("", ["ja-JP"]) == "ja"
    assert i18n.resolve("zh_CN", ["ja-JP"]) == "zh_CN"
    monkeypatch.setenv(i18n.ENV_VAR, "ja_JP.UTF-8")
    assert i18n.resolve("zh_CN", ["en-US"]) == "ja"


def test_choice_is_remembered(app: QApplication) -> None:
    assert language.stored_choice() == i18n.SYSTEM
    language.choose_language(None, "zh_CN", ask=False)
    assert language.stored_choice() == "zh_CN"
    assert language.settings().value("ui/language") == "zh_CN"
    assert language.effective_language() == "zh_CN"
    language.choose_language(None, i18n.SYSTEM, ask=False)
    assert language.effective_language() == language.system_language()


@pytest.mark.parametrize(
    ("lang", "ours", "qts"),
    [("ja", "メモリが足りなく", "キャンセル"), ("zh_CN", "内存不足", "取消")],
)
def test_translators_translate_ours_and_qts(
    app: QApplication, lang: str, ours: str, qts: str
) -> None:
    assert language.install_translators(app, lang) == lang
    msg = explain("Traceback (most recent call last):\nMemoryError: memory allocation failed\n")
    assert msg is not None and ours in translate_message(msg)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == qts
    language.install_translators(app, "en")
    assert "out of memory" in translate_message(msg)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("lang", "family"), [("ja", "Noto Sans CJK JP"), ("zh_CN", "Noto Sans CJK SC")]
)
def test_each_language_gets_its_own_cjk_font(app: QApplication, lang: str, family: str) -> None:
    assert family in QFontDatabase.families(), (
        f"{family} is not installed: run tests/system-deps.sh (Debian package fonts-noto-cjk)"
    )
    language.install_translators(app, lang)
    assert family in app.font().families()
    assert family in language.monospace_font(lang).families() or (
        family.replace("Sans", "Sans Mono") in language.monospace_font(lang).families()
    )


@pytest.mark.parametrize("lang", TS_LANGUAGES)
def test_no_tofu_every_translated_character_has_a_glyph(app: QApplication, lang: str) -> None:
    language.install_translators(app, lang)
    raws = [QRawFont.fromFont(QFont(f)) for f in app.font().families()]
    missing = set()
    for entry in read_ts(ts_path(lang)):
        for ch in entry.translation:
            if ch.isprintable() and not ch.isspace():
                if not any(r.glyphIndexesForString(ch)[0] != 0 for r in raws):
                    missing.add(ch)
    assert not missing, f"no glyph in {app.font().families()} for {sorted(missing)}"


def test_restart_question_is_in_both_languages(app: QApplication) -> None:
    language.install_translators(app, "en")
    text = language.restart_question("ja")
    assert "Restart now?" in text and "再起動しますか" in text and "日本語" in text
    language.install_translators(app, "zh_CN")
    text = language.restart_question("en")
    assert "重新启动" in text and "Restart now?" in text


def test_language_menu_stores_choice_and_offers_restart(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    language.install_translators(app, "ja")
    asked: list[str] = []
    monkeypatch.setattr(language, "ask_restart", lambda w, lang: asked.append(lang) or False)
    window = QMainWindow()
    menu = language.build_language_menu(window)
    assert isinstance(menu, QMenu) and menu.title() == "言語(&L)"
    actions = [a for a in menu.actions() if not a.isSeparator()]
    labels = [a.text() for a in actions]
    assert labels[1:] == ["English", "日本語", "简体中文"]
    assert labels[0].startswith("システムの設定")
    assert actions[0].isChecked()
    target = "en" if language.effective_language() != "en" else "zh_CN"
    next(a for a in actions if a.data() == target).trigger()
    assert language.stored_choice() == target and asked == [target]
    rebuilt = language.build_language_menu(window)
    checked = [a.data() for a in rebuilt.actions() if a.isChecked()]
    assert checked == [target]


def test_main_window_has_the_language_menu_under_view(app: QApplication) -> None:
    from ide.ui.window.main_window import MainWindow

    language.install_translators(app, "zh_CN")
    window = MainWindow()
    view = window.view_menu
    sub = [a.menu() for a in view.actions() if a.menu() is not None]
    assert [m.title() for m in sub if m.objectName() == "languageMenu"] == ["语言(&L)"]
    labels = [a.text() for a in window.language_menu.actions() if not a.isSeparator()]
    assert labels[1:] == ["English", "日本語", "简体中文"]
    window.close()


def test_toolbar_buttons_drop_the_parenthesised_accelerator(app: QApplication) -> None:
    from PySide6.QtWidgets import QToolBar

    window = QMainWindow()
    bar = QToolBar(window)
    window.addToolBar(bar)
    save = bar.addAction("保存(&S)")
    run = bar.addAction("&Run")
    language.tidy_toolbar_texts(window)
    assert save.iconText() == "保存" and run.iconText() == "Run"
    save.setText("開く(&O)…")
    assert save.iconText() == "開く"


def test_restart_starts_hotaru_the_way_it_was_started(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    main_py = root / "main.py"
    assert language.restart_command([str(main_py), "--port", "simulator"])[0] == [
        str(main_py),
        "--port",
        "simulator",
    ]
    args, folder = language.restart_command([str(root / "ide" / "__main__.py")])
    assert args == ["-m", "ide"] and folder == str(root)
    args, _ = language.restart_command([str(tmp_path / "hotaru")])
    assert args == ["-m", "ide"]
    # the command really starts Hotaru (asked for its version, so no window opens)
    args, folder = language.restart_command([str(root / "ide" / "__main__.py")])
    out = subprocess.run(
        [sys.executable, *args, "--version"], cwd=folder, capture_output=True, text=True
    )
    assert out.stdout.startswith("Hotaru "), out.stderr


@pytest.mark.parametrize(("lang", "italic"), [("en", True), ("ja", False), ("zh_CN", False)])
def test_console_explanation_is_not_slanted_in_cjk(
    app: QApplication, qtbot, lang: str, italic: bool
) -> None:
    from PySide6.QtGui import QTextCursor

    from ide.ui.console.widget import ConsoleWidget

    language.install_translators(app, lang)
    console = ConsoleWidget(explainer=lambda _tb: "EXPLANATION")
    qtbot.addWidget(console)
    console.feed(b"Traceback (most recent call last):\r\nNameError: name 'x' isn't defined\r\n>>> ")
    qtbot.waitUntil(lambda: "EXPLANATION" in console.toPlainText(), timeout=5000)
    cursor = console.document().find("EXPLANATION")
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    assert cursor.charFormat().fontItalic() is italic


def test_our_catalogue_overrides_qts_wording(app: QApplication) -> None:
    language.install_translators(app, "zh_CN")
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"
    assert QCoreApplication.translate("QFileSystemModel", "Name") == "名称"  # Qt's own


@pytest.mark.parametrize("lang", ["ja", "zh_CN"])
def test_the_file_dialog_has_no_english_label(app: QApplication, lang: str) -> None:
    """Qt 6's own file dialog (Save As on a desktop without a native one): every label in the
    language, "&Look in:" and "Files of &type:" included (Qt's catalogues miss those two)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    language.install_translators(app, lang)
    try:
        dialog = QFileDialog(None, "", "", "Python (*.py)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert len(labels) == 3 and not [t for t in labels if re.search(r"[A-Za-z]{3}", t)]
        dialog.deleteLater()
    finally:
        language.install_translators(app, "en")
