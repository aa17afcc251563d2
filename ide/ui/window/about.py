"""Help > About Hotaru; its texts keep the window's translation context, "MainWindow"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ide import __version__


def show_about(parent: QWidget) -> None:
    """The About box: the version, what Hotaru is, its licence."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About Hotaru"),
        QCoreApplication.translate(
            "MainWindow",
            "<h3>Hotaru {version}</h3>"
            "<p>A calm MicroPython editor for beginners: write a script, press Run, "
            "watch it work on your ESP32 or Raspberry Pi Pico, or on the built-in "
            "simulator.</p>"
            "<p>Free software under the MIT licence.</p>",
        ).format(version=__version__),
    )
