"""The dialog that offers back the unsaved text a crashed Hotaru left (ide.core.recovery)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ide.core.recovery import Entry


class RecoveryDialog(QDialog):
    """One row per recovered text, ticked = reopen it; a preview of the selected one.

    Restore reopens the ticked texts and deletes the others; Discard all deletes every one;
    Decide later (or closing the dialog) keeps them all for the next start."""

    DECIDED, LATER = "decided", "later"

    def __init__(self, entries: list[Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self.decision = self.LATER
        self._discard_all = False
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>Hotaru did not close normally last time.</b><br>These scripts had changes "
                "that were not saved. The ticked ones open again in tabs; the others are deleted."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [self.tr("Script"), self.tr("Where"), self.tr("Copy made"), self.tr("Note")]
        )
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.items: list[QTreeWidgetItem] = []
        for entry in self.entries:
            item = QTreeWidgetItem([entry.info.title, self._where(entry), self._when(entry), ""])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(1, self._where(entry))
            if entry.changed_on_disk():
                item.setText(3, self.tr("Changed on disk since"))
                item.setIcon(3, warning)
            self.tree.addTopLevelItem(item)
            self.items.append(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)

        # the selected text's warning, in full (the Note column only names it)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        from ide.ui.settings.language import monospace_font

        self.preview.setFont(monospace_font())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.note)
        lower_layout.addWidget(self.preview, 1)
        splitter.addWidget(lower)
        splitter.setSizes([180, 260])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Restore the ticked ones"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = buttons.addButton(
            self.tr("Discard all"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = buttons.addButton(
            self.tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

        self.tree.currentItemChanged.connect(self._show_preview)
        if self.items:
            self.tree.setCurrentItem(self.items[0])

    def _where(self, entry: Entry) -> str:
        info = entry.info
        if info.local_path is not None:
            return self.tr("On this computer: {path}").format(path=info.local_path)
        if info.board_path is not None and info.board:
            return self.tr("On the board {board}: {path}").format(
                board=info.board, path=info.board_path
            )
        if info.board_path is not None:
            return self.tr("On the board: {path}").format(path=info.board_path)
        return self.tr("Not saved yet")

    def _when(self, entry: Entry) -> str:
        moment = QDateTime.fromMSecsSinceEpoch(int(entry.info.saved_at * 1000))
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    def _show_preview(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        if item is None or item not in self.items:
            self.preview.clear()
            self.note.hide()
            return
        entry = self.entries[self.items.index(item)]
        changed = bool(item.text(3))
        self.note.setVisible(changed)
        if changed:
            self.note.setText(
                self.tr(
                    "⚠ {path} was changed on disk after this copy was made. If you restore it, "
                    "Save will ask before replacing the file."
                ).format(path=entry.info.local_path)
            )
        try:
            self.preview.setPlainText(entry.text())
        except OSError as exc:
            self.preview.setPlainText(exc.strerror or str(exc))

    def set_ticked(self, entry: Entry, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.items[self.entries.index(entry)].setCheckState(0, state)

    def to_restore(self) -> list[Entry]:
        """The texts to reopen (none unless Restore was pressed)."""
        if self.decision != self.DECIDED or self._discard_all:
            return []
        return [
            entry
            for entry, item in zip(self.entries, self.items, strict=True)
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _restore(self) -> None:
        self.decision = self.DECIDED
        self.accept()

    def _discard(self) -> None:
        self.decision = self.DECIDED
        self._discard_all = True
        self.accept()
