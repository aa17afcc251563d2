"""Autosave for crash recovery: every tab's unsaved text is copied to the recovery folder.

The text is read on the GUI thread (a snapshot) and written by ide.core.recovery's Writer
thread. A copy is made ``delay_ms`` (2 s) after the last change, and every ``flush_ms`` (3 s)
while a tab keeps changing, so at most about 3 s of typing is lost if Hotaru is killed. Saving a
tab, or discarding its changes, deletes its copy; a clean exit deletes the session.

``start_autosave(window)`` (ide.app) starts it and offers the copies a crashed Hotaru left.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from pyside6_scintilla import Scintilla

from ide.core.recovery import (
    Entry,
    EntryInfo,
    FileState,
    Orphan,
    RecoveryStore,
    Session,
    Writer,
    changed_since,
)
from ide.ui.editor.code_editor import CodeEditor
from ide.ui.editor.tabs import EditorTabs

_TEXT_CHANGES = int(Scintilla.ModificationFlags.InsertText) | int(
    Scintilla.ModificationFlags.DeleteText
)
#: how long recovery copies may take to reach the disk when Hotaru closes
CLOSE_WAIT = 10.0


class Autosave(QObject):
    """Keeps a copy of each modified tab of ``tabs`` in ``session``."""

    #: a copy could not be written (key, reason); emitted from the writer thread
    _write_failed = Signal(str, str)

    def __init__(
        self,
        tabs: EditorTabs,
        session: Session,
        delay_ms: int = 2000,
        flush_ms: int = 3000,
    ) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.session = session
        self.writer = Writer(on_error=lambda key, exc: self._write_failed.emit(key, str(exc)))
        self._write_failed.connect(self._report)  # queued: the writer thread is not Qt's
        self._keys: dict[CodeEditor, str] = {}
        self._baselines: dict[CodeEditor, FileState | None] = {}
        self._boards: dict[CodeEditor, str | None] = {}
        #: restored board tabs: the file as it was read then, not yet compared with the board
        self._unverified: dict[CodeEditor, FileState] = {}
        self._dirty: set[CodeEditor] = set()
        self._count = 0
        self._finished = False
        # the debounce: a copy once typing pauses...
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(delay_ms)
        self._debounce.timeout.connect(self.flush)
        # ...and at least every flush_ms while it does not (runs only while a tab is dirty)
        self._periodic = QTimer(self)
        self._periodic.setInterval(flush_ms)
        self._periodic.timeout.connect(self.flush)
        tabs.editor_opened.connect(self.track)
        tabs.document_saved.connect(self._on_saved)
        tabs.editor_closed.connect(self._on_closed)
        tabs.document_deleted.connect(self._mark)  # its text is only in the tab now
        tabs.may_save = self.may_save
        for editor in tabs.editors():  # tabs made before we started (last session's files)
            self.track(editor)

    # ------------------------------------------------------------------ tabs
    def track(self, editor: CodeEditor) -> None:
        """Start watching a new tab: remember its original's state, copy it when it changes."""
        if editor in self._keys:
            return
        self._count += 1
        self._keys[editor] = f"tab-{self._count}"
        self._baselines[editor] = self._state_now(editor)
        editor.modified.connect(lambda kind, *_a, e=editor: self._on_modified(e, kind))
        editor.modification_changed.connect(lambda m, e=editor: m or self._unmodified(e))
        if editor.modify():
            self._mark(editor)

    def key(self, editor: CodeEditor) -> str | None:
        """The name of ``editor``'s copy in the session folder (tests look for the file)."""
        return self._keys.get(editor)

    def _state_now(self, editor: CodeEditor) -> FileState | None:
        doc = self.tabs.document(editor)
        if doc is not None and doc.local_path is not None:
            return FileState.of_path(doc.local_path)
        if doc is not None and doc.board_path is not None:
            return FileState.of_bytes(editor.text().encode("utf-8"))  # as read from the board
        return None

    def _on_modified(self, editor: CodeEditor, kind: int) -> None:
        if kind & _TEXT_CHANGES:
            self._mark(editor)

    def _mark(self, editor: CodeEditor) -> None:
        self._dirty.add(editor)
        self._debounce.start()  # restarted by every change
        if not self._periodic.isActive():
            self._periodic.start()

    def _on_saved(self, editor: CodeEditor, path: Path | None) -> None:
        self._baselines[editor] = FileState.of_path(path) if path is not None else None
        self._unverified.pop(editor, None)
        self.tabs.setTabIcon(self.tabs.indexOf(editor), _no_icon())  # a conflict is settled
        if not editor.modify() and not self._deleted(editor):
            self._forget_copy(editor)

    def _on_closed(self, editor: CodeEditor) -> None:
        self._forget_copy(editor)
        self._keys.pop(editor, None)
        self._baselines.pop(editor, None)
        self._boards.pop(editor, None)
        self._unverified.pop(editor, None)

    def _unmodified(self, editor: CodeEditor) -> None:
        """Back to its saved text: no copy needed, unless that saved file was deleted."""
        if not self._deleted(editor):
            self._forget_copy(editor)

    def _deleted(self, editor: CodeEditor) -> bool:
        doc = self.tabs.document(editor)
        return doc is not None and doc.deleted

    def _forget_copy(self, editor: CodeEditor) -> None:
        """Saved, or back to its saved text, or closed without saving: no copy is needed."""
        self._dirty.discard(editor)
        key = self._keys.get(editor)
        if key is not None and not self._finished:
            self.writer.submit(key, lambda: self.session.remove(key))

    # ------------------------------------------------------------------ copies
    def flush(self) -> None:
        """Copy every tab changed since its last copy (the writing happens on the thread)."""
        dirty, self._dirty = self._dirty, set()
        for editor in dirty:
            if editor in self._keys:
                self.copy_now(editor)
        if not self._dirty:
            self._periodic.stop()

    def copy_now(self, editor: CodeEditor) -> None:
        """Snapshot ``editor``'s text now and queue its copy (or its removal, if saved)."""
        key = self._keys.get(editor)
        if key is None or self._finished:
            return
        self._dirty.discard(editor)
        if not editor.modify() and not self._deleted(editor):
            self._forget_copy(editor)
            return
        text = editor.text()  # the snapshot: the writer thread never touches the editor
        info = self._info(editor)
        self.writer.submit(key, lambda: self.session.write(key, text, info))

    def _info(self, editor: CodeEditor) -> EntryInfo:
        doc = self.tabs.document(editor)
        assert doc is not None
        board = None
        if doc.board_path is not None:
            controller = self.tabs.controller
            port = getattr(controller, "port", None)
            if port:
                name = getattr(controller, "description", "") or ""
                self._boards[editor] = f"{name} ({port})" if name else str(port)
            board = self._boards.get(editor)
        return EntryInfo(
            title=doc.file_name(),
            local_path=str(doc.local_path) if doc.local_path is not None else None,
            board_path=doc.board_path,
            board=board,
            saved_at=time.time(),
            original=self._baselines.get(editor),
        )

    def _report(self, key: str, reason: str) -> None:
        editor = next((e for e, k in self._keys.items() if k == key), None)
        doc = self.tabs.document(editor) if editor is not None else None
        self.tabs.status_message.emit(
            self.tr("Could not keep a recovery copy of {name}: {reason}").format(
                name=doc.file_name() if doc is not None else key, reason=reason
            )
        )

    def finish(self) -> None:
        """Hotaru is closing: copy what is still unsaved, wait for the writes, and remove the
        session if nothing unsaved is left (a clean exit). Safe to call twice."""
        if self._finished:
            return
        self._debounce.stop()
        self._periodic.stop()
        for editor in list(self._keys):
            self.copy_now(editor)
        self._finished = True
        self.writer.close(CLOSE_WAIT)
        self.session.close(clean=not self.tabs.has_unsaved_changes())

    # ------------------------------------------------------------------ saving over a changed file
    def may_save(self, editor: CodeEditor) -> bool:
        """Save is about to write over the tab's file here: if someone changed that file since
        the tab loaded or saved it (or since a recovered copy was made), ask first."""
        doc = self.tabs.document(editor)
        if doc is not None and doc.board_path is not None:
            return self._may_save_board(editor, doc.board_path)
        if doc is None or doc.local_path is None or not doc.local_path.exists():
            return True  # nothing there to lose
        if not changed_since(doc.local_path, self._baselines.get(editor)):
            return True
        return self.ask_overwrite(str(doc.local_path))

    def _may_save_board(self, editor: CodeEditor, path: str) -> bool:
        """A restored board tab's first Save: read the board's file first; if it changed since
        the copy's original was read, ask. The save then starts again (False: not yet)."""
        expected = self._unverified.get(editor)
        controller = self.tabs.controller
        if expected is None or controller is None or getattr(controller, "port", None) is None:
            return True  # nothing to compare (or no board: save_to_board says so)

        def go_on() -> None:
            self._unverified.pop(editor, None)
            if editor in self._keys:
                self.tabs.save(editor)

        def compared(data: bytes) -> None:
            if FileState.of_bytes(data).sha256 == expected.sha256 or self.ask_overwrite(path):
                go_on()

        def failed(exc: BaseException) -> None:
            if getattr(exc, "errno", None) == 2:  # ENOENT: not on the board, nothing to lose
                go_on()
                return
            from ide.ui import translate_message

            message = getattr(exc, "message", None)
            reason = translate_message(message) if message is not None else str(exc)
            self.tabs.show_error(
                self.tr("Could not save to the board"),
                self.tr("Could not read {path} from the board to compare: {reason}").format(
                    path=path, reason=reason
                ),
            )

        controller.submit(lambda session: session.read_file(path), compared, failed)
        return False

    def ask_overwrite(self, path: str) -> bool:
        """Replace the file changed on disk? Tests replace this."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.tabs)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File changed on disk"))
        box.setText(
            self.tr(
                "{path} was changed by another program since Hotaru opened or saved it."
            ).format(path=path)
        )
        box.setInformativeText(
            self.tr("Replace it with the text in the editor? Its other changes will be lost.")
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace

    # ------------------------------------------------------------------ recovery
    def restore(self, entry: Entry, orphan: Orphan) -> CodeEditor:
        """Open a recovered text as a modified tab that saves to its original place. Its old
        copy is deleted only after the new session's copy is written."""
        info, text = entry.info, entry.text()
        tabs = self.tabs
        editor: CodeEditor | None = None
        if info.local_path is not None:
            path = Path(info.local_path)
            editor = tabs.find_local(path) or (tabs.open_local(path) if path.is_file() else None)
            if editor is None:  # gone (or unreadable) since: a tab that will create it again
                editor = tabs.new_file(text, name=path.name)
                doc = tabs.document(editor)
                assert doc is not None
                doc.local_path, doc.name = path.resolve(), ""
        elif info.board_path is not None:
            editor = tabs.open_board_file(info.board_path, text)
        else:
            editor = tabs.new_file(text, name=info.title)
        # with undo kept, the text counts as modified (the "*"), and Undo shows the file's text
        editor.set_text(text, keep_undo=True)
        self._baselines[editor] = info.original  # Save compares with the file as it was then
        self._boards[editor] = info.board
        if info.board_path is not None and info.original is not None:
            self._unverified[editor] = info.original
        tabs.setCurrentWidget(editor)
        if entry.changed_on_disk():
            self._flag_conflict(editor, str(info.local_path))
        self.copy_now(editor)
        self.writer.submit(f"orphan:{entry.folder.name}/{entry.key}", lambda: orphan.discard(entry))
        return editor

    def discard(self, entry: Entry, orphan: Orphan) -> None:
        self.writer.submit(f"orphan:{entry.folder.name}/{entry.key}", lambda: orphan.discard(entry))

    def release(self, orphan: Orphan) -> None:
        """Done with a dead session (after its entries' jobs): kept if entries are left."""
        self.writer.submit(f"orphan:{orphan.folder.name}", orphan.finish)

    def _flag_conflict(self, editor: CodeEditor, path: str) -> None:
        from PySide6.QtWidgets import QStyle

        index = self.tabs.indexOf(editor)
        icon = self.tabs.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.tabs.setTabIcon(index, icon)
        message = self.tr(
            "{path} was changed on disk after this copy was made: Save will ask before "
            "replacing it."
        ).format(path=path)
        self.tabs.setTabToolTip(index, message)
        self.tabs.status_message.emit(message)


def _no_icon() -> Any:
    from PySide6.QtGui import QIcon

    return QIcon()


def start_autosave(window: Any, root: str | Path | None = None, **timing: int) -> Autosave | None:
    """Autosave for ``window``'s editor tabs (in ``root``, else the user's recovery folder),
    and offer what a Hotaru that did not close normally left. None if the folder can't be
    used (said in the status bar; Hotaru works on without it)."""
    from ide import paths

    try:
        store = RecoveryStore(root if root is not None else paths.recovery_dir())
        session = store.start_session()
    except OSError as exc:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Autosave", "Unsaved changes can't be kept for recovery: {reason}"
            ).format(reason=exc.strerror or str(exc))
        )
        return None
    autosave = Autosave(window.editor_tabs, session, **timing)
    window.closing.connect(autosave.finish)
    app = QCoreApplication.instance()
    if app is not None:  # quitting without closing the window: unsaved copies stay
        app.aboutToQuit.connect(autosave.finish)
    orphans = store.claim_orphans(exclude=session)
    if orphans:
        QTimer.singleShot(0, window, lambda: offer_recovery(autosave, orphans, window))
    return autosave


def offer_recovery(autosave: Autosave, orphans: list[Orphan], parent: QWidget) -> QWidget:
    """Show the recovery dialog (not blocking); its answer restores or discards each text."""
    from ide.ui.editor.recovery_dialog import RecoveryDialog

    pairs = [(entry, orphan) for orphan in orphans for entry in orphan.entries]
    dialog = RecoveryDialog([entry for entry, _o in pairs], parent)

    def answered(_result: int) -> None:
        restore = dialog.to_restore()
        for entry, orphan in pairs:
            if entry in restore:
                autosave.restore(entry, orphan)
            elif dialog.decision == RecoveryDialog.DECIDED:
                autosave.discard(entry, orphan)
        for orphan in orphans:
            autosave.release(orphan)
        dialog.deleteLater()

    dialog.finished.connect(answered)
    dialog.open()
    return dialog
