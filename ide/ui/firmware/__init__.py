"""Tools > Install MicroPython...: the install wizard (see wizard.py)."""

from ide.ui.firmware.wizard import (
    PAGE_BOARD,
    PAGE_DETECT,
    PAGE_DONE,
    PAGE_FIRMWARE,
    PAGE_INSTALL,
    PAGE_OPTIONS,
    InstallWizard,
    open_install_wizard,
)

__all__ = [
    "PAGE_BOARD",
    "PAGE_DETECT",
    "PAGE_DONE",
    "PAGE_FIRMWARE",
    "PAGE_INSTALL",
    "PAGE_OPTIONS",
    "InstallWizard",
    "open_install_wizard",
]
