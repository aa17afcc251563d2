"""Page 3: which firmware (the micropython.org catalogue, or a file on this computer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWizardPage,
)

from ide.firmware import catalog as fw_catalog
from ide.firmware.errors import FirmwareError
from ide.firmware.install import check_file
from ide.os_errors import details_line, os_reason
from ide.ui import translate_message
from ide.ui.firmware.common import (
    PAGE_INSTALL,
    PAGE_OPTIONS,
    error_text,
    wrap,
)

if TYPE_CHECKING:
    from ide.ui.firmware.wizard import InstallWizard


class FirmwarePage(QWizardPage):
    def __init__(self, wizard: InstallWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the firmware"))
        # the subtitle says WHAT is chosen (see _describe_choice), never a promise
        self.online_radio = QRadioButton(self.tr("Download from micropython.org"))
        self.file_radio = QRadioButton(self.tr("A firmware file on this computer"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.online_radio)
        self.group.addButton(self.file_radio)
        self.online_radio.setChecked(True)
        self.board_combo = QComboBox()
        self.board_combo.setMinimumContentsLength(30)
        self.version_combo = QComboBox()
        self.catalog_status = wrap(QLabel())
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Choose a .bin or .uf2 file"))
        self.browse_button = QPushButton(self.tr("Browse..."))
        self.problem = wrap(QLabel())
        self.problem.setStyleSheet("color: #b00020;")

        grid = QGridLayout(self)
        grid.addWidget(self.online_radio, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Board:")), 1, 0)
        grid.addWidget(self.board_combo, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Version:")), 2, 0)
        grid.addWidget(self.version_combo, 2, 1, 1, 2)
        grid.addWidget(self.catalog_status, 3, 1, 1, 2)
        grid.addWidget(self.file_radio, 4, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("File:")), 5, 0)
        grid.addWidget(self.path_edit, 5, 1)
        grid.addWidget(self.browse_button, 5, 2)
        grid.addWidget(self.problem, 6, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(7, 1)

        self.group.buttonToggled.connect(self._mode_changed)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.textChanged.connect(self._changed)
        self.board_combo.currentIndexChanged.connect(self._board_chosen)
        self.version_combo.currentIndexChanged.connect(self._changed)
        self.boards_loaded = False
        self.firmware_loaded_for: str | None = None
        self.loading = False  # a catalogue page is on its way
        self.unreachable = False  # no catalogue at all: neither online nor saved
        self.saved_on: str | None = None  # the saved list's date when offline

    # catalogue ----------------------------------------------------------------
    def initializePage(self) -> None:
        self.problem.clear()
        self.firmware_loaded_for = None  # the kind of board may have changed: reload
        self._mode_changed()
        if not self.boards_loaded:
            self.catalog_status.setText(self.tr("Loading the list of boards..."))
            self.loading = True
            self.wiz.start_job(
                lambda _task: self.wiz.catalog.boards(), self._boards_arrived, self._catalog_failed
            )
        else:
            self._select_suggested_board()

    def _suggestion(self) -> tuple[str, str]:
        if self.wiz.state.kind == "uf2" and self.wiz.state.drive is not None:
            return fw_catalog.suggest_board(self.wiz.state.drive.chip)
        chip = self.wiz.state.chip
        if chip is None:
            return "", ""
        return fw_catalog.suggest_board(chip.name, chip.has_psram, chip.flash_size)

    def _boards_arrived(self, listing: fw_catalog.Listing) -> None:
        self.boards_loaded = True
        self.loading = False
        self.board_combo.blockSignals(True)
        self.board_combo.clear()
        for board in listing.items:
            label = board.name if board.name == board.id else f"{board.name} ({board.id})"
            self.board_combo.addItem(label, board.id)
        self.board_combo.blockSignals(False)
        self.catalog_status.setText(translate_message(listing.notice) if listing.notice else "")
        self._select_suggested_board()

    def _select_suggested_board(self) -> None:
        board_id, _variant = self._suggestion()
        index = self.board_combo.findData(board_id)
        if index >= 0 and self.board_combo.currentIndex() != index:
            self.board_combo.setCurrentIndex(index)
        else:
            self._board_chosen()

    def _catalog_failed(self, exc: BaseException) -> None:
        self.loading = False
        self.unreachable = True
        self.catalog_status.setText(error_text(exc))
        self.file_radio.setChecked(True)
        self._changed()

    def _board_chosen(self, *_args: object) -> None:
        board_id = self.board_combo.currentData()
        if not board_id or board_id == self.firmware_loaded_for:
            self._changed()
            return
        self.version_combo.clear()
        self.catalog_status.setText(self.tr("Loading the firmware list..."))
        self.loading = True
        self._changed()
        self.wiz.start_job(
            lambda _task: (board_id, self.wiz.catalog.firmware(board_id)),
            self._firmware_arrived,
            self._catalog_failed,
        )

    def _firmware_arrived(self, result: tuple[str, fw_catalog.Listing]) -> None:
        board_id, listing = result
        if board_id != self.board_combo.currentData():
            return  # the user picked another board meanwhile
        self.firmware_loaded_for = board_id
        self.loading = False
        self.unreachable = False
        self.saved_on = listing.fetched_at.strftime("%Y-%m-%d") if listing.from_cache else None
        ext = "uf2" if self.wiz.state.kind == "uf2" else "bin"
        items = [f for f in listing.items if f.ext == ext]
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for fw in items:
            date = f"{fw.date[:4]}-{fw.date[4:6]}-{fw.date[6:]}"
            if fw.preview:
                text = self.tr("{version} ({date}, preview)")
            else:
                text = self.tr("{version} ({date})")
            text = text.format(version=fw.version, date=date)
            if fw.variant:
                text = self.tr("{text}, variant {variant}").format(text=text, variant=fw.variant)
            self.version_combo.addItem(text, fw)
        _board, variant = self._suggestion()
        best = fw_catalog.latest_stable(items, variant)
        if best is not None:
            self.version_combo.setCurrentIndex(items.index(best))
        self.version_combo.blockSignals(False)
        notes = [translate_message(listing.notice)] if listing.notice else []
        if not items:
            notes.append(self.tr("No firmware for this kind of board here."))
        self.catalog_status.setText(" ".join(notes))
        self._changed()

    # local file ---------------------------------------------------------------
    def _browse(self) -> None:
        pattern = (
            self.tr("UF2 firmware (*.uf2)")
            if self.wiz.state.kind == "uf2"
            else self.tr("ESP firmware (*.bin)")
        )
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose firmware"), "", pattern)
        if path:
            self.path_edit.setText(path)
            self.file_radio.setChecked(True)

    def _mode_changed(self, *_args: object) -> None:
        online = self.online_radio.isChecked()
        self.board_combo.setEnabled(online)
        self.version_combo.setEnabled(online)
        self.path_edit.setEnabled(not online)
        self.browse_button.setEnabled(not online)
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.problem.clear()
        self.setSubTitle(self._describe_choice())
        self.completeChanged.emit()

    def _describe_choice(self) -> str:
        """What Next would install, in words (the page's subtitle)."""
        if self.file_radio.isChecked():
            path = self.path_edit.text().strip()
            if path:
                return self.tr("Chosen: the file {name} on this computer.").format(
                    name=Path(path).name
                )
            if self.unreachable:
                return self.tr(
                    "micropython.org could not be reached and no firmware list is saved on "
                    "this computer: choose a firmware file on this computer."
                )
            return self.tr("Choose a firmware file on this computer.")
        if self.version_combo.currentData() is None:
            if self.loading:
                return self.tr("Looking for the latest MicroPython for your board...")
            return self.tr("Choose a board and a version.")
        chosen = {
            "version": self.version_combo.currentText(),
            "board": self.board_combo.currentData(),
        }
        if self.saved_on is not None:
            return self.tr(
                "Chosen: MicroPython {version} for {board}, from the firmware list saved on "
                "{date} (micropython.org could not be reached)."
            ).format(date=self.saved_on, **chosen)
        return self.tr("Chosen: MicroPython {version} for {board}, from micropython.org.").format(
            **chosen
        )

    def isComplete(self) -> bool:  # noqa: N802
        if self.online_radio.isChecked():
            return self.version_combo.currentData() is not None
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        if self.online_radio.isChecked():
            self.wiz.state.firmware = self.version_combo.currentData()
            self.wiz.state.firmware_path = None
            return True
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            # the same checks the install repeats: refused here, the user chooses again
            check_file(self.wiz.state, path.read_bytes())
        except OSError as exc:
            # the OS's words are English: a translated reason, the raw text on its own line
            text = self.tr("Cannot read {path}: {error}").format(
                path=path, error=translate_message(os_reason(exc))
            )
            details = details_line(exc)
            if details is not None:
                text += "\n" + translate_message(details)
            self.problem.setText(text)
            return False
        except FirmwareError as exc:
            self.problem.setText(error_text(exc))
            return False
        self.wiz.state.firmware = None
        self.wiz.state.firmware_path = path
        return True

    def nextId(self) -> int:  # noqa: N802
        return PAGE_OPTIONS if self.wiz.state.kind == "esp" else PAGE_INSTALL
