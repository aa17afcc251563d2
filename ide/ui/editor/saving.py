"""Saving and closing the editor's tabs: Save, Save as, Save to the board, and the questions
asked before a tab or the window closes. Functions of :class:`EditorTabs` (its methods call
them); their texts keep the tabs' translation context, "EditorTabs"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ide.os_errors import details_line, os_reason
from ide.ui import questions, translate_message
from ide.ui.editor.code_editor import CodeEditor
from ide.ui.editor.document import CANCEL, DISCARD, SAVE, Document

MAIN_PY = "/main.py"  # the file the board runs by itself when it starts

if TYPE_CHECKING:
    from ide.core.files.mpy_upload import SavedSource
    from ide.ui.editor.tabs import EditorTabs


def save(tabs: EditorTabs, editor: CodeEditor | None = None) -> bool:
    """Save where the document lives; a new document asks for a file here.

    Board saves are asynchronous: True means the save was started.
    """
    editor = editor or tabs.current_editor()
    if editor is None:
        return False
    doc = tabs.documents[editor]
    if doc.local_path is not None:
        return tabs.may_save(editor) and write_local(tabs, editor, doc.local_path)
    if doc.board_path is not None:
        return tabs.may_save(editor) and tabs.save_to_board(doc.board_path, editor)
    return tabs.save_as(editor)


def save_as(
    tabs: EditorTabs, editor: CodeEditor | None = None, path: str | Path | None = None
) -> bool:
    """Save to a file on this computer (asks where unless ``path`` is given)."""
    editor = editor or tabs.current_editor()
    if editor is None:
        return False
    doc = tabs.documents[editor]
    if path is None:
        from PySide6.QtWidgets import QFileDialog

        suggested = str(Path(tabs.start_dir()) / (doc.file_name() or "main.py"))
        path, _filter = QFileDialog.getSaveFileName(
            tabs,
            QCoreApplication.translate("EditorTabs", "Save the script as"),
            suggested,
            QCoreApplication.translate("EditorTabs", "Python scripts (*.py);;All files (*)"),
        )
        if not path:
            return False
    path = Path(path).resolve()
    if not write_local(tabs, editor, path):
        return False
    doc.local_path, doc.board_path, doc.name, doc.untitled = path, None, "", False
    doc.deleted = False
    tabs.remember(path)
    tabs.refresh_title(editor)
    return True


def os_details(exc: OSError) -> str:
    """A line with the OS's own words under a sentence that gave them in the user's language."""
    line = details_line(exc)
    return "\n" + translate_message(line) if line is not None else ""


def write_local(tabs: EditorTabs, editor: CodeEditor, path: Path) -> bool:
    try:
        path.write_text(editor.text(), encoding="utf-8", newline="\n")
    except OSError as exc:
        tabs.show_error(
            QCoreApplication.translate("EditorTabs", "Could not save"),
            QCoreApplication.translate("EditorTabs", "Could not save {path}: {reason}").format(
                path=str(path), reason=translate_message(os_reason(exc))
            )
            + os_details(exc),
        )
        return False
    editor.setSavePoint()
    tabs.document_saved.emit(editor, path)
    tabs.status_message.emit(
        QCoreApplication.translate("EditorTabs", "Saved {path}").format(path=str(path))
    )
    return True


def suggested_board_path(doc: Document) -> str:
    """The board file name "Save to board as…" offers for ``doc``: where it was saved before,
    its own file name, or /main.py for a new tab, whose name the editor made up ("untitled-3.py",
    "無題-3.py" in Japanese): main.py is the file the board runs by itself."""
    saved_before = doc.board_path or doc.compiled_to
    if saved_before:
        return saved_before
    if doc.local_path is None and doc.untitled:
        return MAIN_PY
    return "/" + (doc.file_name() or "main.py")


def ask_board_path(parent: QWidget, suggested: str) -> str | None:
    """The board file name for "Save to board as…"; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    path, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("EditorTabs", "Save to the board"),
        QCoreApplication.translate("EditorTabs", "File name on the board:"),
        text=suggested,
    )
    return path if ok else None


def stopped_first(tabs: EditorTabs) -> bool:
    """Ask to stop a running program before a board save (see ide.ui.questions)."""
    return questions.stopped_first(
        tabs.controller,
        tabs.ask_yes_no,
        QCoreApplication.translate(
            "EditorTabs", "A program is running on the board. Stop it and save the file?"
        ),
    )


class _Exists:
    """The job's answer when the chosen board file is already there (nothing was written)."""


def _replace_or_rename(
    tabs: EditorTabs, path: str, editor: CodeEditor, on_saved: Callable[[], None] | None
) -> None:
    """``path`` is another file on the board already: Yes saves over it, No asks for a name."""
    if tabs.ask_yes_no(
        QCoreApplication.translate("EditorTabs", "Save to the board"),
        QCoreApplication.translate(
            "EditorTabs", "“{name}” already exists on the board. Replace it?"
        ).format(name=path),
    ):
        save_to_board(tabs, path, editor, on_saved, replace=True)
    else:
        save_to_board(tabs, None, editor, on_saved, suggested=path)


def save_to_board(
    tabs: EditorTabs,
    board_path: str | None = None,
    editor: CodeEditor | None = None,
    on_saved: Callable[[], None] | None = None,
    suggested: str | None = None,
    replace: bool = False,
) -> bool:
    """Write the text to ``board_path`` on the board (asks for a name when None; ``replace``:
    the user said yes to replacing the file there).

    The tab then lives on the board. Returns True when the write was started; the tab's
    "*" goes away when the board confirms. A name the user chose that is another file already
    on the board is replaced only after asking (No asks for the name again).
    """
    editor = editor or tabs.current_editor()
    if editor is None:
        return False
    if tabs.controller is None or getattr(tabs.controller, "port", None) is None:
        tabs.show_error(
            QCoreApplication.translate("EditorTabs", "No board connected"),
            QCoreApplication.translate(
                "EditorTabs", "Connect a board (or the simulator) first, then save again."
            ),
        )
        return False
    doc = tabs.documents[editor]
    asked = board_path is None
    if board_path is None:
        board_path = tabs.ask_board_path(suggested or suggested_board_path(doc))
        if board_path is None or not board_path.strip():
            return False
        board_path = board_path.strip()
        if not board_path.startswith("/"):
            board_path = "/" + board_path
    if not stopped_first(tabs):
        return False
    if doc.local_path is not None and tabs.preferences.compile_to_mpy:
        from ide.core.files.compile import should_compile  # after the first frame, when used

        if should_compile(board_path):
            # (another file the user named, as a .py or its .mpy: replaced only after asking)
            check = asked and board_path not in (doc.compiled_to, doc.board_path)
            return save_compiled(tabs, editor, board_path, on_saved, check=check)
    data = editor.text().encode("utf-8")
    path = board_path
    # the tab's own file is saved over without a question; any other file the user named
    # is looked for first, on the board, in the same job as the write; so is the tab's own
    # file once deleted (a file put there since is another one)
    check = not replace and (
        (asked and path != doc.board_path) or (path == doc.board_path and doc.deleted)
    )
    doc.saving = True
    saving_text = QCoreApplication.translate("EditorTabs", "Saving {path} to the board…").format(
        path=path
    )
    tabs.status_message.emit(saving_text)

    def write(s: Any) -> object:
        if check and s.exists(path):
            return _Exists()
        s.write_file(path, data)
        return None

    def done(result: object = None) -> None:
        doc.saving = False
        if editor not in tabs.documents:
            return
        if isinstance(result, _Exists):
            tabs.status_withdrawn.emit(saving_text)  # nothing is being saved while it asks
            _replace_or_rename(tabs, path, editor, on_saved)
            return
        if editor.text().encode("utf-8") == data:
            editor.setSavePoint()
        doc.board_path, doc.local_path, doc.name, doc.untitled = path, None, "", False
        doc.deleted = False
        tabs.refresh_title(editor)
        tabs.document_saved.emit(editor, None)
        tabs.status_message.emit(
            QCoreApplication.translate("EditorTabs", "Saved {path} on the board").format(path=path)
        )
        if on_saved is not None:
            on_saved()

    def failed(exc: BaseException) -> None:
        doc.saving = False
        from ide.ui import error_text

        reason = error_text(exc)
        tabs.show_error(
            QCoreApplication.translate("EditorTabs", "Could not save to the board"),
            QCoreApplication.translate(
                "EditorTabs", "Could not save {path} on the board: {reason}"
            ).format(path=path, reason=reason),
        )

    tabs.controller.submit(write, done, failed)
    return True


def save_compiled(
    tabs: EditorTabs,
    editor: CodeEditor,
    board_path: str,
    on_saved: Callable[[], None] | None = None,
    check: bool = False,
) -> bool:
    """Save to board with "compile lib files to .mpy" on, for a tab of a file here: the file is
    saved here first (the source stays on this computer), then the board gets the .mpy
    compiled for it (ide.core.files.mpy_upload.save_compiled). The tab keeps editing the
    local .py; the next Save to board offers the same board path and compiles again.
    ``check``: a board file of that name (.py or .mpy) is replaced only after asking."""
    doc = tabs.documents[editor]
    local = doc.local_path
    assert local is not None
    if not (tabs.may_save(editor) and write_local(tabs, editor, local)):
        return False
    data = editor.text().encode("utf-8")
    doc.saving = True
    tabs.status_message.emit(
        QCoreApplication.translate("EditorTabs", "Compiling {path} for the board…").format(
            path=board_path
        )
    )

    def done(saved: SavedSource | _Exists) -> None:
        doc.saving = False
        if editor not in tabs.documents:
            return
        if isinstance(saved, _Exists):
            _replace_or_rename(tabs, board_path, editor, on_saved)
            return
        doc.compiled_to = board_path
        tabs.refresh_title(editor)
        if saved.note is not None:
            text = QCoreApplication.translate(
                "EditorTabs", "Saved {path} on the board. {why}"
            ).format(path=saved.written, why=translate_message(saved.note))
        else:
            text = QCoreApplication.translate(
                "EditorTabs", "Saved {path} on the board, compiled from {source}"
            ).format(path=saved.written, source=local.name)
        tabs.status_message.emit(text)
        if on_saved is not None:
            on_saved()

    def failed(exc: BaseException) -> None:
        doc.saving = False
        from ide.ui import error_text

        tabs.show_error(
            QCoreApplication.translate("EditorTabs", "Could not save to the board"),
            QCoreApplication.translate(
                "EditorTabs", "Could not save {path} on the board: {reason}"
            ).format(path=board_path, reason=error_text(exc)),
        )

    from ide.core.files import mpy_upload
    from ide.core.files.compile import compiled_path

    def write(s: Any) -> SavedSource | _Exists:
        if check and any(s.exists(p) for p in (board_path, compiled_path(board_path))):
            return _Exists()
        return mpy_upload.save_compiled(s, data, board_path, str(local))

    tabs.controller.submit(write, done, failed)
    return True


# ----------------------------------------------------------------- closing


def ask_save_changes(parent: QWidget, name: str) -> str:
    """Save / Discard / Cancel for a document with unsaved changes."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("EditorTabs", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("EditorTabs", "Save the changes to {name}?").format(name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate("EditorTabs", "If you don't save, your changes will be lost.")
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def show_error(parent: QWidget, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def close_tab(tabs: EditorTabs, index: int) -> bool:
    """Close a tab, asking about unsaved changes. True if it closed (or will, after a
    board save)."""
    editor = tabs.widget(index)
    if not isinstance(editor, CodeEditor):
        return False
    doc = tabs.documents[editor]
    if tabs.has_changes(editor):
        tabs.setCurrentWidget(editor)
        answer = tabs.ask_save_changes(doc.file_name())
        if answer == CANCEL:
            return False
        if answer == SAVE:
            if doc.on_board:
                return tabs.save_to_board(
                    doc.board_path, editor, on_saved=lambda: tabs.drop(editor)
                )
            if not tabs.save(editor):
                return False
    tabs.drop(editor)
    return True


def maybe_close_all(tabs: EditorTabs) -> bool:
    """Ask about every unsaved tab before the window closes. True: safe to close now.

    False means "not now": cancelled, a save failed, or board saves are still under way.
    """
    for editor in list(tabs.editors()):
        if not tabs.has_changes(editor):
            continue
        doc = tabs.documents[editor]
        tabs.setCurrentWidget(editor)
        answer = tabs.ask_save_changes(doc.file_name())
        if answer == CANCEL:
            return False
        if answer == DISCARD:
            doc.deleted = False  # (a deleted board file's text, let go: nothing unsaved now)
            editor.setSavePoint()
            continue
        if not tabs.save(editor):
            return False
    return tabs.pending_saves() == 0
