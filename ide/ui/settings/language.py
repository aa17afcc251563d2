"""The UI language: translators, CJK fonts and the View > Language menu.

``install_translators(app)`` runs once at start-up (ide/app.py), before any window exists: it
loads Hotaru's catalogue (i18n/hotaru_<lang>.qm) and Qt's own (qtbase_<lang>.qm, for the
standard buttons and dialogs), sets the default QLocale and gives the application font the
language's CJK family so nothing falls back to tofu or to the other language's glyph shapes.
``build_language_menu(window)`` makes the menu; choosing another language stores it and offers
to restart, since only a restart re-creates every window in the new language.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from ide import i18n
from ide.text import QT_TRANSLATE_NOOP
from ide.ui.settings.preferences import default_settings as settings  # one settings file


def stored_choice(store: QSettings | None = None) -> str:
    """The stored language code, or "" (i18n.SYSTEM) to follow the OS."""
    value = (store or settings()).value(i18n.SETTINGS_KEY, i18n.SYSTEM)
    return value if isinstance(value, str) and value in (i18n.SYSTEM, *i18n.LANGUAGES) else ""


def store_choice(choice: str, store: QSettings | None = None) -> None:
    store = store or settings()
    store.setValue(i18n.SETTINGS_KEY, choice)
    store.sync()


def system_language() -> str:
    return i18n.match_language(QLocale.system().uiLanguages())


def effective_language(store: QSettings | None = None) -> str:
    """What the UI speaks now: HOTARU_LANGUAGE, else the stored choice, else the OS."""
    return i18n.resolve(stored_choice(store), QLocale.system().uiLanguages())


def _load(language: str, for_qt: bool) -> QTranslator | None:
    translator = QTranslator()
    if for_qt:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ok = translator.load(f"qtbase_{language}", folder)
    else:
        path = i18n.qm_file(language)
        ok = path is not None and translator.load(str(path))
    return translator if ok else None


# Qt's own words that our glossary says differently. Our catalogue is installed after Qt's, so
# it is asked first (qtbase_zh_CN calls a file's size 体积; the board side of Files says 大小).
# Qt 6's file dialog labels "&Look in:" and "Files of &type:", which its Japanese and Chinese
# catalogues lack (they have the Qt 5 texts without "&"): Save As showed them in English.
QT_OVERRIDES = (
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Make ``app`` speak ``language`` (default: effective_language()); returns the code used.

    Calling it again replaces the previous translators (tests switch languages this way).
    """
    language = language or effective_language()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != i18n.DEFAULT:
        for for_qt in (True, False):
            translator = _load(language, for_qt)
            if translator is not None:
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    if isinstance(app, QGuiApplication):
        apply_fonts(app, language)
    return language


_base_font: QFont | None = None


def apply_fonts(app: QGuiApplication, language: str) -> None:
    """Give the application font the language's CJK family as fallback after the OS default."""
    global _base_font
    if _base_font is None:
        _base_font = QFont(app.font())
    font = QFont(_base_font)
    cjk = i18n.pick_fonts(language, QFontDatabase.families())
    if cjk:
        font.setFamilies([*_base_font.families(), *cjk])
    app.setFont(font)


def monospace_font(language: str | None = None, point_size: int = 0) -> QFont:
    """A fixed-width font whose fallback covers the language's CJK characters (editor, console)."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size > 0:
        font.setPointSize(point_size)
    cjk = i18n.pick_fonts(language or effective_language(), QFontDatabase.families(), mono=True)
    if cjk:
        font.setFamilies([*font.families(), *cjk])
    return font


_CJK_ACCEL = re.compile(r"\s*\(&[^)]\)")


def tidy_toolbar_texts(window: QWidget) -> None:
    """Toolbar buttons show an action's text without "&", but the Japanese and Chinese style puts
    the accelerator in parentheses ("保存(&S)"), which would show as "保存(S)". Give such actions
    an icon text without it, and keep it so when the text changes."""

    def tidy(action: QAction) -> None:
        text = action.text()
        if _CJK_ACCEL.search(text):
            short = _CJK_ACCEL.sub("", text).replace("…", "").replace("...", "").strip()
            if action.iconText() != short:
                action.setIconText(short)

    # a main window's toolbars are its direct children; a recursive search would make PySide
    # wrap every widget in the window (~10 ms at start-up)
    for bar in window.findChildren(QToolBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        for action in bar.actions():
            if not action.isSeparator() and not action.property("hotaru_tidy"):
                action.setProperty("hotaru_tidy", True)  # once per action, however often called
                tidy(action)
                action.changed.connect(lambda a=action: tidy(a))


def _tr(context_text: str) -> str:
    """Translate a LanguageMenu string marked with QT_TRANSLATE_NOOP at its use."""
    return QCoreApplication.translate("LanguageMenu", context_text)  # i18n: marked


RESTART_QUESTION = QT_TRANSLATE_NOOP(
    "LanguageMenu", "Hotaru will speak {language} after a restart. Restart now?"
)


def restart_command(argv: list[str] | None = None) -> tuple[list[str], str]:
    """(arguments for sys.executable, working folder) that start Hotaru again the way it was
    started: ``python main.py``, ``python -m ide`` or the installed ``hotaru`` script.

    Never ``python -m ide`` from the current folder: a source checkout there would start
    instead of the program that is running."""
    argv = list(sys.argv if argv is None else argv)
    if getattr(sys, "frozen", False):  # a bundled app: sys.executable is Hotaru itself
        return argv[1:], os.getcwd()
    script = Path(argv[0]).resolve() if argv and argv[0] else None
    if script is not None and script.name == "__main__.py":  # python -m ide
        return ["-m", "ide", *argv[1:]], str(script.parent.parent)
    if script is not None and script.is_file():
        # python main.py, or the installed `hotaru` script: Python runs it again (pip's
        # Windows hotaru.exe too: it is a launcher with the script appended as a zip), and
        # the script's own folder, not the current one, comes first on sys.path.
        return [str(script), *argv[1:]], os.getcwd()
    # Started some other way: -m ide from where the running ide package lives.
    import ide

    package_root = Path(ide.__file__).resolve().parent.parent
    return ["-m", "ide", *argv[1:]], str(package_root)


def restart_application(window: QWidget | None) -> bool:
    """Close ``window`` (it may ask about unsaved work), then start Hotaru anew and quit."""
    if window is not None and not window.close():
        return False
    from PySide6.QtCore import QProcess  # dialogs and processes: imported when used

    args, folder = restart_command()
    QProcess.startDetached(sys.executable, args, folder)
    app = QApplication.instance()
    if app is not None:
        app.quit()
    return True


def restart_question(language: str) -> str:
    """The restart question in the current language and, below it, in ``language``: the user
    who picked a language may not read the one on screen."""
    name = i18n.LANGUAGES[language]
    question = _tr(RESTART_QUESTION).format(language=name)
    other = _load(language, for_qt=False)
    again = other.translate("LanguageMenu", RESTART_QUESTION) if other is not None else ""
    again = (again or RESTART_QUESTION).format(language=name)
    return question if again == question else f"{question}\n\n{again}"


def ask_restart(window: QWidget | None, language: str) -> bool:
    """Tell the user the change needs a restart; True when they chose to restart now."""
    box, restart = restart_box(window, language)
    box.exec()
    return box.clickedButton() is restart


def restart_box(window: QWidget | None, language: str) -> tuple[QMessageBox, QAbstractButton]:
    """The restart question and its "Restart Now" button (also what the screenshots show)."""
    question = restart_question(language)
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr(QT_TRANSLATE_NOOP("LanguageMenu", "Language")))
    box.setText(question)
    restart = box.addButton(
        _tr(QT_TRANSLATE_NOOP("LanguageMenu", "Restart Now")), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        _tr(QT_TRANSLATE_NOOP("LanguageMenu", "Later")), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restart)
    return box, restart


def choose_language(window: QWidget | None, choice: str, ask: bool = True) -> None:
    """Store ``choice`` ("" = follow the OS) and offer a restart when the language changes."""
    before = effective_language()
    store_choice(choice)
    after = effective_language()
    if ask and after != before and ask_restart(window, after):
        restart_application(window)


def language_entries() -> list[tuple[str, str]]:
    """The choices, as (code, label): follow the OS ("System Default (English)"), then each
    language by its own name (View > Language and Settings offer the same)."""
    system_name = i18n.LANGUAGES[system_language()]
    follow = _tr(QT_TRANSLATE_NOOP("LanguageMenu", "System Default ({language})"))
    return [(i18n.SYSTEM, follow.format(language=system_name)), *i18n.LANGUAGES.items()]


def build_language_menu(window: QWidget) -> QMenu:
    """The Language submenu for View: follow the OS, or one of the languages by its own name."""
    menu = QMenu(_tr(QT_TRANSLATE_NOOP("LanguageMenu", "&Language")), window)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = stored_choice()
    for code, label in language_entries():
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.triggered.connect(lambda _=False, c=code: choose_language(window, c))
        group.addAction(action)
        menu.addAction(action)
        if code == i18n.SYSTEM:
            menu.addSeparator()
    return menu
