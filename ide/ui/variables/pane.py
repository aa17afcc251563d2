"""View > Variables: the board's globals (name, type, short value) after each run.

Each refresh is one job on the SessionController's queue: one raw-REPL round trip
(ide.core.variables.fetch), so it never interleaves with a run or a file transfer and the
console sees nothing of it. It refreshes after every run, after a line entered at the
``>>>`` prompt, on connecting and on demand, only while the pane is shown (a hidden pane
refreshes when it is shown again). Expanding a list, dict or object is one more round trip
for that value only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ide.core.variables import Path, Variable, fetch, visible
from ide.text import QT_TRANSLATE_NOOP
from ide.ui import error_text
from ide.ui.window.actions import ActionSpec

PATH_ROLE = Qt.ItemDataRole.UserRole  # an item's Path on the board
LOADED_ROLE = Qt.ItemDataRole.UserRole + 1  # its children were fetched
LENGTH_ROLE = Qt.ItemDataRole.UserRole + 2  # len() of its value, -1 for none
#: after Enter at the prompt, ask this long after the board's last output (and again while
#: the REPL is still working on the line)
PROMPT_SETTLE_MS = 400


class VariablesPane(QWidget):
    """The globals as a tree; lists, dicts and objects open one level at a time."""

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("variablesPane")
        self.setWindowTitle(self.tr("Variables"))
        self.controller = controller
        self._variables: list[Variable] = []
        self._stale = True  # the board may have changed since the last refresh
        self._in_flight = False  # a refresh job is queued
        self._again = False  # asked again while one was queued
        self._reopen: set[Path] = set()  # paths to open again once their parent is shown

        self.status = QLabel(self)
        self.status.setObjectName("variablesStatus")
        self.status.setWordWrap(True)
        self.show_hidden = QCheckBox(self.tr("Show modules and _names"), self)
        self.show_hidden.setToolTip(
            self.tr("Also list imported modules and names starting with an underscore")
        )
        self.show_hidden.toggled.connect(lambda _on: self._fill())
        self.refresh_button = QToolButton(self)
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Ask the board for its variables now"))
        self.refresh_button.clicked.connect(self.refresh)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("variablesTree")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Value")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemExpanded.connect(self._expanded)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.show_hidden)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)

        self._settle = QTimer(self)  # Enter at the prompt: ask once the board went quiet
        self._settle.setSingleShot(True)
        self._settle.setInterval(PROMPT_SETTLE_MS)
        self._settle.timeout.connect(self._refresh_if_shown)
        self._entered_line = False

        controller.program_finished.connect(self._board_changed)
        controller.connected.connect(lambda *_: self._board_changed())
        controller.state_changed.connect(self._on_state)
        self._on_state(controller.state)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        # wide enough for name, type and the start of the value when first shown
        return QSize(380, super().sizeHint().height())

    # -- when to ask -----------------------------------------------------------------------

    def watch_console(self, console: Any) -> None:
        """Refresh after a line entered at the ``>>>`` prompt (``a = 5`` Enter)."""
        console.keys_typed.connect(self._typed)
        self.controller.console_bytes.connect(self._board_output)

    def _typed(self, data: bytes) -> None:
        if b"\r" in data and not self.controller.is_running():
            self._entered_line = True
            self._settle.start()

    def _board_output(self, _data: bytes) -> None:
        if self._entered_line and self._settle.isActive():
            self._settle.start()  # restarted: asked once the REPL has answered

    def _board_changed(self) -> None:
        self._stale = True
        self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        self._entered_line = False
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # asked when shown

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_state(self, state: str) -> None:
        if state == "running":
            self.status.setText(self.tr("The program is running: the variables are shown "
                                        "again when it ends."))  # fmt: skip
            self.tree.setEnabled(False)
        elif state in ("disconnected", "connecting"):
            self.tree.clear()
            self._variables = []
            self._stale = True
            self.status.setText(self.tr("No board is connected."))
        else:
            self.tree.setEnabled(True)

    # -- asking ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch the globals now (one job; a second ask while it is queued runs once after)."""
        controller = self.controller
        if not controller.is_connected():
            self._stale = True
            self.status.setText(self.tr("No board is connected."))
            return
        if controller.is_running():
            self._stale = True  # program_finished brings it back here
            return
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        self._stale = False
        self.status.setText(self.tr("Reading the variables…"))
        controller.submit(lambda s: fetch(s), self._got, self._failed, busy=False)

    def _got(self, variables: list[Variable]) -> None:
        self._in_flight = False
        self._variables = variables
        self._fill()
        shown = len(visible(variables, self.show_hidden.isChecked()))
        if shown:
            self.status.setText(self.tr("{count} variables.").format(count=shown))
        else:
            self.status.setText(
                self.tr("No variables yet: run a program or type at the >>> prompt.")
            )
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        self._again = False
        self._stale = True
        if type(exc).__name__ == "Busy":
            # the REPL still works on a line typed at the prompt: ask again a little later
            self.status.setText(self.tr("The board is busy; the variables are shown when it is "
                                        "free."))  # fmt: skip
            if self.isVisible() and not self.controller.is_running():
                QTimer.singleShot(1000, self, self._refresh_if_shown)
            return
        self.status.setText(self.tr("Could not read the variables: {error}").format(
            error=error_text(exc)))  # fmt: skip

    # -- the tree --------------------------------------------------------------------------

    def _fill(self) -> None:
        # What the user had open is opened again (each one round trip, as it was at first).
        self._reopen = set(self._expanded_paths())
        self.tree.clear()
        rows = visible(self._variables, self.show_hidden.isChecked())
        items = [self._item(v) for v in rows]
        self.tree.addTopLevelItems(items)
        self._reopen_among(items)

    def _expanded_paths(self) -> list[Path]:
        found: list[Path] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is not None and item.isExpanded() and item.data(0, PATH_ROLE):
                found.append(tuple(item.data(0, PATH_ROLE)))
                stack += [item.child(i) for i in range(item.childCount())]
        return found

    def _reopen_among(self, items: list[QTreeWidgetItem]) -> None:
        for item in items:
            path = item.data(0, PATH_ROLE)
            if path is not None and tuple(path) in self._reopen:
                self._reopen.discard(tuple(path))
                item.setExpanded(True)  # fetches its children (_expanded)

    def _item(self, variable: Variable) -> QTreeWidgetItem:
        item = QTreeWidgetItem([variable.label, variable.type_name, variable.value])
        item.setData(0, PATH_ROLE, variable.path)
        item.setData(0, LENGTH_ROLE, variable.length)
        item.setToolTip(2, variable.value)
        if variable.length >= 0 and variable.type_name not in ("int", "float", "bool"):
            item.setText(1, self.tr("{type} ({count})").format(
                type=variable.type_name, count=variable.length))  # fmt: skip
        if variable.expandable:
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        return item

    def _expanded(self, item: QTreeWidgetItem) -> None:
        if item.data(0, LOADED_ROLE):
            return
        item.setData(0, LOADED_ROLE, True)
        path: Path = tuple(item.data(0, PATH_ROLE))
        waiting = QTreeWidgetItem([self.tr("Reading…")])
        item.addChild(waiting)

        def got(children: list[Variable]) -> None:
            item.takeChildren()
            items = [self._item(v) for v in children]
            item.addChildren(items)
            self._reopen_among(items)
            more = int(item.data(0, LENGTH_ROLE)) - len(children)
            if children and more > 0:  # the board lists the first CHILDREN only
                item.addChild(QTreeWidgetItem([self.tr("… {count} more").format(count=more)]))
            if not children:
                item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicator)

        def failed(exc: BaseException) -> None:
            item.setData(0, LOADED_ROLE, False)
            item.takeChildren()
            item.setExpanded(False)
            self.status.setText(self.tr("Could not read the variables: {error}").format(
                error=error_text(exc)))  # fmt: skip

        if self.controller.is_running():
            failed(RuntimeError(self.tr("the program is running")))
            return
        self.controller.submit(lambda s: fetch(s, path), got, failed, busy=False)

    def item_for(self, label: str) -> QTreeWidgetItem | None:
        """The top-level item named ``label`` (tests)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.text(0) == label:
                return item
        return None


def _show_and_refresh(window: Any) -> None:
    from PySide6.QtWidgets import QDockWidget

    pane = window.pane("variables")
    dock = window.findChild(QDockWidget, "VariablesDock")
    if dock is not None:
        dock.show()
        dock.raise_()
    pane.refresh()


REFRESH_ACTION = ActionSpec(
    "refresh_variables_action",
    QT_TRANSLATE_NOOP("MainWindow", "Refresh &Variables"),
    _show_and_refresh,
    tip=QT_TRANSLATE_NOOP("MainWindow", "Show the board's variables and read them again"),
    menu="view",
)


def build_variables(window: Any) -> VariablesPane:
    """The pane in its dock (right of the editor; hidden until View > Variables)."""
    pane = VariablesPane(window.controller, window)
    window.add_dock(
        pane, pane.windowTitle(), Qt.DockWidgetArea.RightDockWidgetArea, "VariablesDock"
    )
    pane.watch_console(window.console)
    window.add_action(REFRESH_ACTION)
    return pane
