"""Screenshots of every connection-doctor verdict page in en/ja/zh_CN (for looking at them).

    xvfb-run -a python -m tools.doctor_screenshots OUT_FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(out: str) -> None:
    from PySide6.QtWidgets import QApplication

    from ide.core.doctor import Snapshot, verdicts
    from ide.ui.doctor import DoctorDialog
    from ide.ui.settings.language import install_translators

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    port = "/dev/ttyUSB0"
    cases = {
        "no-device": verdicts.no_device("linux"),
        "no-device-win": verdicts.no_device("win32"),
        "no-driver": verdicts.no_driver(0x1A86, 0x7523, "win32"),
        "permission": verdicts.permission(port, "dialout", "ann", False),
        "permission-relogin": verdicts.permission(port, "dialout", "ann", True),
        "brltty": verdicts.brltty(),
        "port-flaps": verdicts.port_flaps(port),
        "held": verdicts.held(port, ["screen (pid 4242)"]),
        "bootloader": verdicts.bootloader(port),
        "bootsel": verdicts.bootsel("/media/ann/RPI-RP2"),
        "not-micropython": verdicts.not_micropython(port),
        "busy": verdicts.busy(port),
        "silent": verdicts.silent(port),
        "ok": verdicts.ok(port),
    }
    for lang in ("en", "ja", "zh_CN"):
        install_translators(app, lang)
        dialog = DoctorDialog(snapshot=lambda: Snapshot(), probe_port=lambda p: None, port=port)
        dialog.start_watch()
        dialog.timer.stop()
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(folder / f"{lang}-watch.png"))
        for name, verdict in cases.items():
            dialog.show_verdict(verdict)
            dialog.adjustSize()
            app.processEvents()
            dialog.grab().save(str(folder / f"{lang}-{name}.png"))
        dialog.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "doctor-shots")
