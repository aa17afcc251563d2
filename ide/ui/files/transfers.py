"""Uploads and downloads of the Files pane: plan on the worker, ask about clashes, copy.

1. plan on the worker thread (``board_ops.plan_upload`` / ``plan_download``): walks the
   sources, lists the target folders, hashes equal-sized files on both sides;
2. on the GUI thread: ask overwrite / skip / ... for each clash (:class:`ClashResolver`);
3. copy on the worker thread with a :class:`TransferTicket` (progress, Cancel);
4. say what happened ("Uploaded 3 files. Skipped 2 unchanged files."), warn about refused
   names. The board tree refreshes when the controller goes from busy back to idle.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject

from ide.core.files import board_ops
from ide.core.files.names import UnsafeName, display_name, local_target
from ide.core.files.plan import BLOCKED, ClashResolver, Plan, Summary
from ide.text import Message
from ide.ui import translate_message
from ide.ui.settings.preferences import Preferences

from .board_actions import node_entry
from .transfer_bar import TransferTicket

if TYPE_CHECKING:
    from .pane import FilesPane


class Transfers(QObject):
    """The Files pane's uploads and downloads (owned by the pane): one transfer at a time, its
    ticket and the last summary are kept here."""

    def __init__(self, pane: FilesPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.ticket: TransferTicket | None = None  # the transfer running, if any
        self.last_summary: Summary | None = None  # what the last transfer did

    # ------------------------------------------------------------------ entry points

    def upload_selected(self) -> None:
        """Upload button: local selection into the selected board folder (or the root)."""
        paths = self.pane.local_tree.selected_paths()
        if paths:
            self.upload_paths(paths, self.pane.selected_board_folder())

    def upload_paths(self, paths: list[Path], board_folder: str) -> None:
        """Copy local files and folders into ``board_folder`` (drops land here)."""
        if not self._transfer_free():
            return
        paths = [Path(p) for p in paths]
        self.pane.when_idle(lambda: self._plan_upload(paths, board_folder))

    def download_selected(self) -> None:
        """Download button: board selection into the local folder selected above."""
        nodes = self.pane.selected_nodes()
        if nodes:
            self.download_entries([node_entry(n) for n in nodes], self.pane.selected_local_folder())

    def download_dropped(self, entries: list[dict[str, Any]], folder: Path) -> None:
        self.download_entries([SimpleNamespace(**e) for e in entries], Path(folder))

    def download_entries(self, entries: list[Any], local_folder: Path) -> None:
        if not self._transfer_free():
            return
        self.pane.when_idle(lambda: self._plan_download(entries, Path(local_folder)))

    def _transfer_free(self) -> bool:
        if self.ticket is not None:
            self.pane.ask.warn(
                self.tr("Transfer running"),
                self.tr("Another transfer is running. Wait for it or cancel it first."),
            )
            return False
        return True

    # ------------------------------------------------------------ plan, ask, copy

    def _plan_upload(self, paths: list[Path], board_folder: str) -> None:
        self.pane.transfer_bar.set_status(self.tr("Comparing with the board…"), expires=False)
        compile_mpy = Preferences().compile_to_mpy  # Settings: compile lib files to .mpy
        self.pane.submit(
            lambda s: board_ops.plan_upload(s, paths, board_folder, compile_mpy),
            lambda plan: self._copy_planned(True, plan),
        )

    def _plan_download(self, entries: list[Any], folder: Path) -> None:
        self.pane.transfer_bar.set_status(self.tr("Comparing with this computer…"), expires=False)
        self.pane.submit(
            lambda s: board_ops.plan_download(s, entries, folder),
            lambda plan: self._copy_planned(False, plan),
        )

    def _copy_planned(self, upload: bool, plan: Plan) -> None:
        """Ask about the plan's clashes, then copy what is left on the worker."""
        resolver = ClashResolver(lambda item, left: self.pane.ask.clash(item, left, upload))
        resolved = resolver.resolve(plan.items)
        if resolved is None:
            cancelled = self.tr("Upload cancelled.") if upload else self.tr("Download cancelled.")
            self.pane.transfer_bar.set_status(cancelled)
            return
        todo, skipped = resolved
        base = _base_summary(plan, skipped)
        if upload:
            title = self.tr("Uploading to the board…")
            folders: list[Any] = [str(f) for f in plan.folders]
            run = board_ops.run_upload
        else:
            title = self.tr("Downloading from the board…")
            folders = list(plan.folders)
            run = board_ops.run_download
        self._run_transfer(
            title,
            sum(i.size for i in todo),
            lambda s, t: run(s, folders, todo, t.report, t.cancelled),
            lambda summary: self._finished(upload, base, summary),
        )

    def stage_for_drag(self, entries: list[dict[str, Any]]) -> list[Path]:
        """Download dragged board entries into a new temporary folder, for an OS file manager.

        Called when the drop target asks for file URLs; waits (the GUI keeps running) until the
        download is done and returns the top-level paths that arrived.
        """
        if self.pane.controller is None or self.ticket is not None or self.pane.is_running():
            return []
        staging = Path(tempfile.mkdtemp(prefix="hotaru-drag-"))
        objs = [SimpleNamespace(**e) for e in entries]
        loop = QEventLoop()

        def work(s: Any, t: TransferTicket) -> Summary:
            plan = board_ops.plan_download(s, objs, staging)
            summary = board_ops.run_download(s, plan.folders, plan.items, t.report, t.cancelled)
            summary.refused = plan.refused
            return summary

        def finished(summary: Summary) -> None:
            self._finished(False, Summary(), summary)
            loop.quit()

        self._run_transfer(
            self.tr("Downloading from the board…"),
            sum(e.get("size") or 0 for e in entries),
            work,
            finished,
            on_failed=lambda: loop.quit(),
        )
        if self.ticket is not None:
            loop.exec()
        out = []
        for e in entries:
            try:
                path = local_target(staging, [e["name"]])
            except UnsafeName:
                continue
            if path.exists():
                out.append(path)
        return out

    # ----------------------------------------------------------------- machinery

    def _run_transfer(
        self,
        title: str,
        total: int,
        job: Callable[[Any, TransferTicket], Summary],
        on_summary: Callable[[Summary], None],
        on_failed: Callable[[], None] | None = None,
    ) -> None:
        ticket = TransferTicket(self)
        self.ticket = ticket
        self.pane.transfer_bar.begin(title, total, ticket)

        def done(summary: Summary) -> None:
            self.ticket = None
            on_summary(summary)

        def failed(exc: BaseException) -> None:
            self.ticket = None
            self.pane.transfer_bar.finish(self.tr("The transfer stopped with an error."))
            self.pane.show_error(exc)
            if on_failed is not None:
                on_failed()

        self.pane.submit(lambda s: job(s, ticket), done, failed)

    def _finished(self, upload: bool, base: Summary, summary: Summary) -> None:
        summary.unchanged += base.unchanged
        summary.skipped += base.skipped
        summary.refused = [*base.refused, *summary.refused]
        summary.not_compiled = [*base.not_compiled, *summary.not_compiled]
        summary.compile_note = summary.compile_note or base.compile_note
        self.last_summary = summary
        text = self.summary_text(upload, summary)
        self.pane.transfer_bar.finish(text)
        if summary.refused:
            lines = "\n".join(
                self.tr("{name}: {why}").format(name=name, why=translate_message(why))
                for name, why in summary.refused[:20]
            )
            self.pane.ask.warn(
                self.tr("Some files were not copied"),
                self.tr("These names can't be used safely and were not copied:\n{lines}").format(
                    lines=lines
                ),
            )
        if summary.not_compiled:
            self.pane.ask.warn(
                self.tr("Some files did not compile"),
                self.tr(
                    "These files were not uploaded: they did not compile.\n{lines}\n"
                    "Correct them and upload again."
                ).format(
                    lines="\n".join(translate_message(why) for _n, why in summary.not_compiled[:20])
                ),
            )
        if summary.failed:
            lines = "\n".join(
                self.tr("{name}: {why}").format(
                    name=display_name(n),
                    why=translate_message(e) if isinstance(e, Message) else e,
                )
                for n, e in summary.failed[:20]
            )
            self.pane.ask.warn(
                self.tr("Some files were not copied"),
                self.tr("These files could not be copied:\n{lines}").format(lines=lines),
            )

    def summary_text(self, upload: bool, s: Summary) -> str:
        parts: list[str] = []
        if s.cancelled:
            parts.append(self.tr("Cancelled; the file being copied was left as it was."))
        if upload:
            parts.append(self.tr("Files uploaded: {n}.").format(n=s.copied))
        else:
            parts.append(self.tr("Files downloaded: {n}.").format(n=s.copied))
        if s.unchanged:
            parts.append(self.tr("Unchanged files skipped: {n}.").format(n=s.unchanged))
        if s.skipped:
            parts.append(self.tr("Existing files skipped: {n}.").format(n=s.skipped))
        if s.refused:
            parts.append(self.tr("Names refused: {n}.").format(n=len(s.refused)))
        if s.failed:
            parts.append(self.tr("Files that failed: {n}.").format(n=len(s.failed)))
        if s.compiled:
            parts.append(self.tr("Compiled to .mpy: {n}.").format(n=s.compiled))
        if s.not_compiled:
            parts.append(self.tr("Files that did not compile: {n}.").format(n=len(s.not_compiled)))
        if s.compile_note is not None:
            parts.append(translate_message(s.compile_note))
        return " ".join(parts)


def _base_summary(plan: Plan, skipped: int) -> Summary:
    base = Summary(unchanged=len(plan.unchanged), skipped=skipped, refused=list(plan.refused))
    base.not_compiled = list(plan.not_compiled)
    base.compile_note = plan.compile_note
    for item in plan.items:
        if item.status == BLOCKED and item.reason is not None:
            base.refused.append((display_name(str(item.target)), item.reason))
    return base
