"""The Packages pane: search the index, install with a click, the board's installed list.

Nothing here touches the port. Board work is ``controller.submit(fn)`` (serialised with the
console, Run and the Files pane); downloads run on the pane's own worker (``self.net``), so
the console stays usable while a package downloads. An install is three jobs: board facts
(lib folder, .mpy version) on the board queue, download + hash checks on ``net``, then the
all-or-nothing write on the board queue. Cancel sets one flag all three read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ide.core import packages
from ide.ui import error_text, translate_message
from ide.ui.questions import ask_yes_no, stopped_first
from ide.ui.worker import Task, Worker


class PackagesPane(QWidget):
    """Search, install, update and uninstall MicroPython packages on the connected board."""

    #: an install, update or uninstall finished (True: it changed the board)
    finished = Signal(bool)
    installed_listed = Signal()

    def __init__(
        self,
        controller: Any,  # noqa: ANN401 - the SessionController
        preferences: Any,  # noqa: ANN401 - ide.ui.settings.preferences.Preferences
        parent: QWidget | None = None,
        *,
        cache_dir: Path | None = None,
        hosts: packages.Hosts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PackagesPane")
        self.setWindowTitle(self.tr("Packages"))
        self.controller = controller
        self.preferences = preferences
        self.cache_dir = cache_dir
        self.hosts = hosts or packages.Hosts()
        self.net = Worker(self, name="hotaru-packages")  # downloads: never the board's queue
        self.dock: Any = None
        self.index: packages.Index | None = None
        self.board: list[packages.Installed] = []
        self._task: Task | None = None  # the running install/uninstall (progress, cancel)
        #: asks a yes/no question (title, text); tests replace it
        self.ask_yes_no: Callable[[str, str], bool] = self._ask_yes_no
        self._opened = False

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search, e.g. ssd1306"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.search_edit.returnPressed.connect(self.reload_index)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.clicked.connect(self.reload_index)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.results = self._tree((self.tr("Package"), self.tr("Version"), self.tr("About")))
        self.results.itemDoubleClicked.connect(lambda *_: self.install_selected())
        self.results.itemSelectionChanged.connect(self._enable)
        self.install_button = QPushButton(self.tr("Install"), self)
        self.install_button.clicked.connect(self.install_selected)
        self.other_button = QPushButton(self.tr("Other source…"), self)
        menu = QMenu(self.other_button)
        menu.addAction(self.tr("From a web address or github:…"), self.install_from_url)
        menu.addAction(self.tr("From a file on this computer…"), self.install_from_file)
        menu.addAction(self.tr("From a folder on this computer…"), self.install_from_folder)
        self.other_button.setMenu(menu)

        self.board_label = QLabel(self.tr("On the board:"), self)
        self.installed = self._tree((self.tr("Package"), self.tr("Version"), self.tr("Newer")))
        self.installed.itemSelectionChanged.connect(self._enable)
        self.update_button = QPushButton(self.tr("Update"), self)
        self.update_button.clicked.connect(self.update_selected)
        self.uninstall_button = QPushButton(self.tr("Uninstall"), self)
        self.uninstall_button.clicked.connect(self.uninstall_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh_installed)

        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addWidget(self.results, 3)
        row = QHBoxLayout()
        row.addWidget(self.install_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.board_label)
        layout.addWidget(self.installed, 2)
        row = QHBoxLayout()
        for button in (self.update_button, self.uninstall_button, self.refresh_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self._show_busy(False)
        controller.connected.connect(lambda *_: self.refresh_installed())

    def _tree(self, headers: tuple[str, ...]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(list(headers))
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    # ------------------------------------------------------------------ settings
    @property
    def index_url(self) -> str:
        url = getattr(self.preferences, "package_index", "")
        return url if isinstance(url, str) and url else packages.DEFAULT_INDEX

    def _options(self) -> dict[str, Any]:
        return {"index_url": self.index_url, "cache_dir": self.cache_dir, "hosts": self.hosts}

    # ------------------------------------------------------------------ the index
    def opened(self) -> None:
        """The pane was shown by its command: load the index and the board's list once."""
        self.search_edit.setFocus()
        if not self._opened:
            self._opened = True
            self.reload_index()
            self.refresh_installed()

    def reload_index(self) -> None:
        url, cache = self.index_url, self.cache_dir
        self.search_button.setEnabled(False)
        self.notice.setText(self.tr("Reading the package list…"))
        self.net.submit(
            lambda: packages.search("", url, cache),
            self._index_loaded,
            self._index_failed,
            lambda: self.search_button.setEnabled(True),
        )

    def _index_loaded(self, found: packages.SearchResult) -> None:
        self.index = found.index
        if found.offline:
            when = QLocale().toString(
                QDateTime.fromSecsSinceEpoch(int(found.fetched_at)), QLocale.FormatType.ShortFormat
            )
            self.notice.setText(
                self.tr("Offline: showing the package list saved on %1.").replace("%1", when)
            )
        else:
            self.notice.setText("")
        self._filter()
        self._fill_installed()

    def _index_failed(self, exc: BaseException) -> None:
        text = error_text(exc)
        if isinstance(exc, packages.NoNetwork):  # what to do next, not only what went wrong
            text += "\n" + self.tr(
                "Check that this computer is connected to the internet, "
                "then press Search to try again."
            )
        self.notice.setText(text)

    def _filter(self) -> None:
        self.results.clear()
        if self.index is None:
            return
        for entry in self.index.search(self.search_edit.text()):
            item = QTreeWidgetItem([entry.name, entry.version, entry.description])
            item.setToolTip(2, entry.description)
            item.setData(0, Qt.ItemDataRole.UserRole, entry.name)
            self.results.addTopLevelItem(item)
        self._enable()

    # ------------------------------------------------------------------ the board's list
    def refresh_installed(self) -> None:
        if not self.controller.is_connected():
            self.board = []
            self._fill_installed()
            return
        self.controller.submit(
            packages.installed, self._installed_read, self._board_failed, busy=False
        )

    def _installed_read(self, board: list[packages.Installed]) -> None:
        self.board = board
        self._fill_installed()
        self.installed_listed.emit()

    def _fill_installed(self) -> None:
        newer = packages.outdated(self.board, self.index) if self.index else {}
        self.installed.clear()
        for pkg in self.board:
            version = pkg.version if pkg.version is not None else "?"
            item = QTreeWidgetItem([pkg.name, version, newer.get(pkg.name, "")])
            item.setData(0, Qt.ItemDataRole.UserRole, pkg)
            if pkg.version is None:
                item.setToolTip(1, self.tr("Put there without Hotaru: the version is unknown"))
            self.installed.addTopLevelItem(item)
        self._enable()

    def _board_failed(self, exc: BaseException) -> None:
        self.notice.setText(error_text(exc))

    # ------------------------------------------------------------------ commands
    def _selected(self, tree: QTreeWidget) -> Any:  # noqa: ANN401 - the item's data
        items = tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def install_selected(self) -> None:
        name = self._selected(self.results)
        if name:
            self.install(name)

    def update_selected(self) -> None:
        pkg = self._selected(self.installed)
        if isinstance(pkg, packages.Installed):
            self.install(pkg.source or pkg.name)

    def install_from_url(self) -> None:
        url, ok = QInputDialog.getText(
            self,
            self.tr("Install from a web address"),
            self.tr("Address of a package.json, a .py file, or github:owner/repository:"),
        )
        if ok and url.strip():
            self.install(url.strip())

    def install_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install a file"), "", self.tr("MicroPython modules (*.py *.mpy)")
        )
        if path:
            self.install(path)

    def install_from_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Install a folder as a package"))
        if path:
            self.install(path)

    def install(self, source: str, version: str | None = None) -> None:
        """Install ``source`` (index name, URL or local path) on the connected board."""
        if self._task is not None:
            return
        if not self.controller.is_connected():
            self.notice.setText(self.tr("Connect a board first."))
            return
        if not self._stopped_first():
            return
        task = self._start(self.tr("Preparing %1…").replace("%1", source))
        options = self._options()

        def progress(step: Any, done: int, total: int) -> None:  # noqa: ANN401 - a Message
            task.progress((step, done, total))  # coalesced: the GUI gets the latest

        def cancel() -> bool:
            return task.cancelled

        def download(facts: packages.BoardFacts) -> None:
            # a Cancel pressed meanwhile is seen by prepare() before its first download
            self.net.submit(
                lambda: packages.prepare(source, version, facts, progress, cancel, **options),
                lambda plan: write(facts, plan),
                self._failed,
            )

        def write(facts: packages.BoardFacts, plan: packages.Plan) -> None:
            self.controller.submit(
                lambda s: packages.apply(s, plan, facts, progress, cancel),
                self._installed_done,
                self._failed,
            )

        self.controller.submit(packages.board_facts, download, self._failed)

    def uninstall_selected(self) -> None:
        pkg = self._selected(self.installed)
        if not isinstance(pkg, packages.Installed) or self._task is not None:
            return
        if not self._stopped_first():
            return
        self._start(self.tr("Removing %1…").replace("%1", pkg.name))
        self.controller.submit(
            lambda s: packages.uninstall(s, pkg.name),
            lambda _removed: self._done(self.tr("Removed %1.").replace("%1", pkg.name)),
            self._failed,
        )

    def _stopped_first(self) -> bool:
        """Ask to stop a running program first ("Preparing…" waited for it forever)."""
        return stopped_first(
            self.controller,
            self.ask_yes_no,
            self.tr("A program is running on the board. Stop it to install or remove packages?"),
        )

    def _ask_yes_no(self, title: str, text: str) -> bool:
        return ask_yes_no(self, title, text)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    # ------------------------------------------------------------------ progress and results
    def _start(self, text: str) -> Task:
        self._task = Task(self.net, self._progress, None)
        self.notice.setText("")
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, 0)  # busy until the first numbers arrive
        self._show_busy(True)
        return self._task

    def _progress(self, value: tuple[Any, int, int]) -> None:
        if self._task is None:
            return
        step, done, total = value
        self.progress_label.setText(translate_message(step))
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))

    def _installed_done(self, report: packages.Report) -> None:
        names = ", ".join(f"{p.name} {p.version}".strip() for p in report.packages)
        text = self.tr("Installed %1.").replace("%1", names)
        if report.offline_since is not None:
            text += " " + self.tr("(Offline: files saved earlier were used.)")
        self._done(text)

    def _done(self, text: str) -> None:
        self._end()
        self.notice.setText(text)
        self.refresh_installed()
        self.finished.emit(True)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        text = error_text(exc)
        if isinstance(exc, packages.NoNetwork):
            text += "\n" + self.tr(
                "Check that this computer is connected to the internet, then try again."
            )
        self.notice.setText(text)
        self.refresh_installed()
        self.finished.emit(False)

    def _end(self) -> None:
        self._task = None
        self._show_busy(False)

    def _show_busy(self, busy: bool) -> None:
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self._enable()

    def _enable(self) -> None:
        idle = self._task is None
        self.install_button.setEnabled(idle and bool(self.results.selectedItems()))
        self.other_button.setEnabled(idle)
        chosen = self._selected(self.installed)
        self.uninstall_button.setEnabled(idle and chosen is not None)
        self.update_button.setEnabled(
            idle and isinstance(chosen, packages.Installed) and chosen.version is not None
        )
