"""Installing MicroPython: ESP chips through esptool (``esp``), Raspberry Pi Pico boards
through UF2 (``uf2``), the micropython.org firmware catalogue (``catalog``), and the whole
install as one function (``install.run_install``: download -> check -> write).

No Qt here; user-visible text is built with ide.text. Import the submodules you need:
``from ide.firmware import esp, uf2, catalog`` (esptool loads only when ``esp`` talks to a
board).
"""

from ide.firmware.errors import Cancelled, CatalogError, FirmwareError, ImageRejected

__all__ = ["Cancelled", "CatalogError", "FirmwareError", "ImageRejected"]
