"""The main window's commands as one table: name, text, keys, tip, icon, menu, handler.

A feature adds a command with ``window.add_action(ActionSpec(...))`` (it lands in its menu,
at the end or before a named action) instead of editing the window's body. The texts are
marked with ``QT_TRANSLATE_NOOP("MainWindow", ...)``, so their translation context stays the
window's, and translated when the QAction is made (after the translators are installed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from ide.text import QT_TRANSLATE_NOOP
from ide.ui import icons

if TYPE_CHECKING:
    from ide.ui.window.main_window import MainWindow

CTX = "MainWindow"
SEPARATOR = "-"
Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    """One command of the main window."""

    name: str  # the window attribute ("run_action"); other panes connect to it by name
    text: str  # QT_TRANSLATE_NOOP(context, "&Run")
    handler: Callable[[MainWindow], Any] | None = None  # None: another pane connects to it
    shortcut: Key | Sequence[Key] | None = None
    tip: str = ""  # status and tool tip, QT_TRANSLATE_NOOP(context, ...)
    icon: Callable[[], QIcon] | None = None  # painted when the action is made (ide.ui.icons)
    menu: str | None = None  # "file", "edit", "view", "run", "tools", "help" (add_action)
    before: str | None = None  # add_action: the action it goes in front of
    separator: bool = False  # add_action: a separator between it and ``before``
    editor_scoped: bool = False  # keys only while the editor area has focus (Ctrl+C ...)
    role: QAction.MenuRole | None = None  # macOS application menu placement
    context: str = CTX  # the texts' translation context


def editor_call(method: str) -> Callable[[MainWindow], None]:
    """A handler calling ``method`` of the current editor (if there is one)."""

    def call(window: MainWindow) -> None:
        editor = window.editor_tabs.current_editor()
        if editor is not None:
            getattr(editor, method)()

    return call


def _key_sequences(keys: Sequence[Key]) -> list[QKeySequence]:
    """Every binding of the keys, once each (a standard key may already be one of the others:
    Quit is Ctrl+Q on Linux desktops, nothing on Windows, bare X11 and offscreen)."""
    found: list[QKeySequence] = []
    for key in keys:
        bindings = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        found += [b for b in bindings if not b.isEmpty() and b not in found]
    return found


def make_action(window: MainWindow, spec: ActionSpec) -> QAction:
    """The QAction for ``spec``, parented to the window, with its handler connected."""
    translate = QCoreApplication.translate
    action = QAction(translate(spec.context, spec.text), window)  # i18n: marked in the table
    if spec.shortcut is not None:
        keys = (
            [spec.shortcut]
            if isinstance(spec.shortcut, str | QKeySequence.StandardKey)
            else spec.shortcut
        )
        action.setShortcuts(_key_sequences(keys))
    if spec.tip:
        tip = translate(spec.context, spec.tip)  # i18n: marked in the table
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if spec.icon is not None:
        action.setIcon(spec.icon())
    if spec.role is not None:
        action.setMenuRole(spec.role)
    if spec.handler is not None:
        handler = spec.handler
        action.triggered.connect(lambda _checked=False: handler(window))
    if spec.editor_scoped:
        # Edit keys act on the editor only, so Ctrl+C in the console still interrupts the board
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.editor_area.addAction(action)
    return action


def _show_packages(window: MainWindow) -> None:
    from ide.ui.packages import show_packages  # imported on first use, not at start-up

    show_packages(window)


def _show_wifi_setup(window: MainWindow) -> None:
    from ide.ui.board.wifi_setup import show_wifi_setup  # imported on first use

    show_wifi_setup(window)


def _open_doctor(window: MainWindow) -> None:
    from ide.ui.doctor import open_doctor  # imported on first use, not at start-up

    open_doctor(window)


def _open_rescue(window: MainWindow) -> None:
    from ide.ui.rescue import open_rescue  # imported on first use, not at start-up

    open_rescue(window)


def _erase_simulator(window: MainWindow) -> None:
    from ide.ui.board.erase_simulator import ask_and_erase  # imported on first use

    ask_and_erase(window)


def _tabs(call: Callable[[Any], Any]) -> Callable[[MainWindow], Any]:
    return lambda window: call(window.editor_tabs)


def _assist(call: Callable[[Any], Any]) -> Callable[[MainWindow], Any]:
    """A handler calling ``call`` with the current editor's EditorAssist (if there is one)."""

    def handler(window: MainWindow) -> None:
        assist = window.editor_tabs.assist.assist()
        if assist is not None:
            call(assist)

    return handler


_STD = QKeySequence.StandardKey
_A = ActionSpec

# Every command the window itself has, in no particular order (MENUS and TOOLBAR place them).
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _A(
        "new_action",
        QT_TRANSLATE_NOOP("MainWindow", "&New"),
        _tabs(lambda t: t.new_file()),
        _STD.New,
        QT_TRANSLATE_NOOP("MainWindow", "Start a new script"),
        icons.new_icon,
    ),
    _A(
        "open_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        _tabs(lambda t: t.open_dialog()),
        _STD.Open,
        QT_TRANSLATE_NOOP("MainWindow", "Open a script from this computer"),
        icons.open_icon,
    ),
    _A(
        "open_board_action",
        QT_TRANSLATE_NOOP("MainWindow", "Open from &board…"),
        lambda w: w.open_from_board(),
        None,
        QT_TRANSLATE_NOOP("MainWindow", "Open a file stored on the board"),
    ),
    _A(
        "save_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Save"),
        _tabs(lambda t: t.save()),
        _STD.Save,
        QT_TRANSLATE_NOOP("MainWindow", "Save the script"),
        icons.save_icon,
    ),
    _A(
        "save_as_action",
        QT_TRANSLATE_NOOP("MainWindow", "Save &as…"),
        _tabs(lambda t: t.save_as()),
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP("MainWindow", "Save the script under a new name on this computer"),
    ),
    _A(
        "save_to_board_action",
        QT_TRANSLATE_NOOP("MainWindow", "Save to boar&d as…"),
        _tabs(lambda t: t.save_to_board()),
        None,
        QT_TRANSLATE_NOOP("MainWindow", "Save the script as a file on the board"),
    ),
    _A(
        "close_tab_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Close tab"),
        _tabs(lambda t: t.close_tab(t.currentIndex())),
        _STD.Close,
    ),
    _A(
        "quit_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        lambda w: w.close(),
        # Windows, bare X11 and offscreen have no standard Quit key: without Ctrl+Q here, Ctrl+Q
        # in the console went to the board (as ^Q) and the window stayed open.
        (_STD.Quit, "Ctrl+Q"),
        role=QAction.MenuRole.QuitRole,
    ),
    # Edit
    _A(
        "undo_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Undo"),
        editor_call("undo"),
        _STD.Undo,
        editor_scoped=True,
    ),
    _A(
        "redo_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Redo"),
        editor_call("redo"),
        (_STD.Redo, "Ctrl+Y"),
        editor_scoped=True,
    ),
    _A(
        "cut_action",
        QT_TRANSLATE_NOOP("MainWindow", "Cu&t"),
        editor_call("cut"),
        _STD.Cut,
        editor_scoped=True,
    ),
    _A(
        "copy_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Copy"),
        editor_call("copy"),
        _STD.Copy,
        editor_scoped=True,
    ),
    _A(
        "paste_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Paste"),
        editor_call("paste"),
        _STD.Paste,
        editor_scoped=True,
    ),
    _A(
        "select_all_action",
        QT_TRANSLATE_NOOP("MainWindow", "Select &all"),
        editor_call("selectAll"),
        _STD.SelectAll,
        editor_scoped=True,
    ),
    _A(
        "toggle_comment_action",
        QT_TRANSLATE_NOOP("MainWindow", "Toggle co&mment"),
        editor_call("toggle_comment"),
        ("Ctrl+3", "Ctrl+/"),
        editor_scoped=True,
    ),
    _A(
        "find_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
        _tabs(lambda t: t.find_bar.open_find(False)),
        _STD.Find,
    ),
    _A(
        "replace_action",
        QT_TRANSLATE_NOOP("MainWindow", "R&eplace…"),
        _tabs(lambda t: t.find_bar.open_find(True)),
        "Ctrl+H",
    ),
    _A(
        "goto_line_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Go to line…"),
        _tabs(lambda t: t.goto_line_dialog()),
        "Ctrl+G",
    ),
    _A(
        "complete_action",
        QT_TRANSLATE_NOOP("MainWindow", "Show comp&letions"),
        _assist(lambda a: a.request_completion()),
        "Ctrl+Space",
        editor_scoped=True,
    ),
    _A(
        "signature_action",
        QT_TRANSLATE_NOOP("MainWindow", "Show parameter &hints"),
        _assist(lambda a: a.request_signature()),
        "Ctrl+Shift+Space",
        editor_scoped=True,
    ),
    _A(
        "docs_here_action",
        QT_TRANSLATE_NOOP("MainWindow", "Show &documentation"),
        _assist(lambda a: a.request_docs()),
        "F1",
        editor_scoped=True,
    ),
    _A(
        "goto_definition_action",
        QT_TRANSLATE_NOOP("MainWindow", "Go to definitio&n"),
        _assist(lambda a: a.request_definition()),
        "F12",
        editor_scoped=True,
    ),
    # View
    _A(
        "zoom_in_action",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"),
        _tabs(lambda t: t.zoom_in()),
        (_STD.ZoomIn, "Ctrl+="),
    ),
    _A(
        "zoom_out_action",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"),
        _tabs(lambda t: t.zoom_out()),
        _STD.ZoomOut,
    ),
    _A(
        "zoom_reset_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Normal size"),
        _tabs(lambda t: t.reset_zoom()),
        "Ctrl+0",
    ),
    _A(
        "next_tab_action",
        QT_TRANSLATE_NOOP("MainWindow", "Ne&xt tab"),
        _tabs(lambda t: t.cycle(1)),
        "Ctrl+Tab",
    ),
    _A(
        "previous_tab_action",
        QT_TRANSLATE_NOOP("MainWindow", "Pre&vious tab"),
        _tabs(lambda t: t.cycle(-1)),
        "Ctrl+Shift+Tab",
    ),
    # Run: the console panel connects these to the SessionController
    _A(
        "run_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Run"),
        None,
        "F5",
        QT_TRANSLATE_NOOP("MainWindow", "Run the script on the board (F5)"),
        icons.run_icon,
    ),
    _A(
        "stop_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Stop"),
        None,
        "Ctrl+F2",
        QT_TRANSLATE_NOOP("MainWindow", "Stop the running program (Ctrl+F2)"),
        icons.stop_icon,
    ),
    _A(
        "soft_reboot_action",
        QT_TRANSLATE_NOOP("MainWindow", "Soft re&boot"),
        None,
        "Ctrl+D",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Restart MicroPython on the board, clearing variables (Ctrl+D)"
        ),
    ),
    _A(
        "hard_reset_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Hard reset"),
        None,
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Restart the board as if it was unplugged; variables are lost"
        ),
    ),
    _A(
        "save_main_action",
        QT_TRANSLATE_NOOP("MainWindow", "Save to board as &main.py"),
        None,
        None,
        QT_TRANSLATE_NOOP("MainWindow", "The board runs main.py by itself every time it powers on"),
    ),
    _A(
        "check_syntax_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Check syntax"),
        lambda w: w.check_syntax(),
        "Ctrl+F5",
        QT_TRANSLATE_NOOP("MainWindow", "Look for typing mistakes without running the script"),
    ),
    # Tools, Help
    _A(
        "install_action",
        QT_TRANSLATE_NOOP("MainWindow", "Install MicroPython…"),
        lambda w: w.open_install_wizard(),
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Put MicroPython on an ESP32, ESP8266 or Raspberry Pi Pico"
        ),
    ),
    _A(
        "wifi_setup_action",
        QT_TRANSLATE_NOOP("MainWindow", "Set up &Wi-Fi and WebREPL…"),
        lambda w: _show_wifi_setup(w),
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Over USB: make the board join your Wi-Fi and start WebREPL at boot"
        ),
    ),
    _A(
        "rescue_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Rescue board…"),
        _open_rescue,
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Stop a program that never ends and disable main.py, keeping every file"
        ),
    ),
    _A(
        "erase_simulator_action",
        # a command that opens a window: "…" (i18n/GLOSSARY.md)
        QT_TRANSLATE_NOOP("MainWindow", "&Erase the simulator's files…"),
        lambda w: _erase_simulator(w),
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Delete every file kept on the simulated board (asks first)"
        ),
    ),
    _A(
        "packages_action",
        QT_TRANSLATE_NOOP("MainWindow", "Manage &packages…"),
        lambda w: _show_packages(w),
        None,
        QT_TRANSLATE_NOOP(
            "MainWindow", "Find and install libraries on the board: displays, sensors …"
        ),
    ),
    _A(
        "settings_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
        lambda w: w.show_settings(),
        role=QAction.MenuRole.PreferencesRole,
    ),
    _A(
        "docs_action",
        QT_TRANSLATE_NOOP("MainWindow", "MicroPython &documentation"),
        lambda w: w.open_documentation(),
    ),
    _A(
        "doctor_action",
        QT_TRANSLATE_NOOP("MainWindow", "&Connection doctor…"),
        _open_doctor,
        None,
        QT_TRANSLATE_NOOP("MainWindow", "Find out why the board does not appear or connect"),
    ),
    _A(
        "about_action",
        QT_TRANSLATE_NOOP("MainWindow", "&About Hotaru"),
        lambda w: w.show_about(),
        role=QAction.MenuRole.AboutRole,
    ),
)

RECENT, EXAMPLES, PANES = "@recent", "@examples", "@panes"  # places filled by the window

# The menu bar: (key, title, entries); entries are action names, SEPARATOR, or a place.
MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        "new_action", "open_action", RECENT, EXAMPLES, "open_board_action", SEPARATOR,
        "save_action", "save_as_action", "save_to_board_action", "save_main_action", SEPARATOR,
        "close_tab_action", "quit_action",
    )),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        "undo_action", "redo_action", SEPARATOR,
        "cut_action", "copy_action", "paste_action", "select_all_action", SEPARATOR,
        "find_action", "replace_action", "goto_line_action", "toggle_comment_action", SEPARATOR,
        "complete_action", "signature_action", "docs_here_action", "goto_definition_action",
    )),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View"), (
        "zoom_in_action", "zoom_out_action", "zoom_reset_action", SEPARATOR, PANES,
    )),
    ("run", QT_TRANSLATE_NOOP("MainWindow", "&Run"), (
        "run_action", "stop_action", "soft_reboot_action", "hard_reset_action", SEPARATOR,
        "check_syntax_action", "save_main_action",
    )),
    ("tools", QT_TRANSLATE_NOOP("MainWindow", "&Tools"), (
        "install_action", "rescue_action", "packages_action", "wifi_setup_action",
        "erase_simulator_action", SEPARATOR, "settings_action",
    )),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help"), (
        "docs_action", "doctor_action", "about_action",
    )),
)  # fmt: skip

# The main toolbar (it cannot be hidden: Run and Stop must stay reachable).
TOOLBAR: tuple[str, ...] = (
    "new_action", "open_action", "save_action", SEPARATOR, "run_action", "stop_action",
)  # fmt: skip
