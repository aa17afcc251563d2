"""The Qt application: builds QApplication and the main window."""

from __future__ import annotations

import sys


def run(argv: list[str] | None = None, port: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from ide.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Hotaru")
    app.setOrganizationName("Hotaru")
    from ide.ui.language import install_translators  # i18n: before any window is built

    install_translators(app)
    window = MainWindow()
    window.restore_session()  # ui: reopen the files that were open last time
    window.show()
    from ide.ui.editor.autosave import start_autosave  # autosave: copies of unsaved text

    start_autosave(window)  # and offers back what a crashed Hotaru left
    # ui: once the console exists (just after the first paint): connect to the last port, the
    # one board, or the simulator
    window.after_panes(lambda: window.console_panel.connect_at_start(port))
    return app.exec()
