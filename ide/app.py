"""The Qt application: builds QApplication and the main window."""

from __future__ import annotations

import os
import sys


def run(argv: list[str] | None = None, port: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from ide.ui.pyside_hook import lighten_feature_hook

    lighten_feature_hook()  # before the window's ~300 imports: keeps ~6 MB of source out of memory
    from ide.ui.window.main_window import MainWindow

    argv = list(argv if argv is not None else sys.argv)
    created = QApplication.instance() is None
    app = QApplication.instance() or QApplication(argv)
    # `hotaru a.py b.py`: what is left once Qt took its own options (-style ...) out of
    # arguments() are files to open (an application made before us: our argv as given).
    rest = app.arguments()[1:] if created else argv[1:]
    files = [os.path.abspath(a) for a in rest if not a.startswith("-")]
    app.setApplicationName("Hotaru")
    app.setOrganizationName("Hotaru")
    from ide.ui.settings.language import install_translators  # i18n: before any window is built

    install_translators(app)
    window = MainWindow()
    window.restore_session()  # ui: reopen the files that were open last time
    window.editor_tabs.open_files(files)  # then the command line's, the last one in front
    window.show()
    # autosave: copies of unsaved text, and the offer of what a crashed Hotaru left (after the
    # first paint: its import costs ~20 ms; tabs changed before then are copied when it starts)
    window.after_panes(lambda: _start_autosave(window))
    # ui: once the console exists (just after the first paint): connect to the last port, the
    # one board, or the simulator
    # (a port given: at once, no scan to put off; the simulator's session is already open)
    window.after_panes(
        lambda: window.console_panel.connect_at_start(port, delay_ms=0 if port else 30)
    )
    try:
        return app.exec()
    finally:
        from ide.simulator import early

        early.discard()  # a board begun early that nobody took (ide.__main__) stops with us


def _start_autosave(window: object) -> None:
    from ide.ui.editor.autosave import start_autosave

    start_autosave(window)
