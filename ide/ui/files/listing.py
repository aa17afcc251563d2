"""The board tree's listings for the Files pane: a folder listed when it is opened (later, when
a program runs), every shown folder listed again on refresh, the free space with the root.
Owned by the pane; every board call goes through ``pane.submit`` (the session's worker)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ide.core.files.board_ops import free_space, list_folder
from ide.ui import error_text

if TYPE_CHECKING:
    from .pane import FilesPane


class BoardListing:
    """Lists board folders for the pane's BoardModel."""

    def __init__(self, pane: FilesPane) -> None:
        self.pane = pane
        self.pending = False  # a listing waits for the running program to end
        self.queued = False  # an automatic refresh waits on the worker: one is enough

    def fetch(self, path: str) -> None:
        """A folder was opened in the tree: list it (later, if a program runs)."""
        if self.pane.controller is None or self.pane.is_running():
            self.pane.board_model.listing_deferred(path)
            self.pending = self.pane.controller is not None
            return

        def failed(exc: BaseException) -> None:
            self.pane.board_model.listing_failed(path)
            self.pane.show_error(exc)

        self.pane.submit(
            lambda s: list_folder(s, path),
            lambda entries: self.pane.board_model.set_children(path, entries),
            failed,
            busy=False,
        )
        if path == "/":
            self.pane.submit(free_space, self.pane.set_free, lambda exc: None, busy=False)

    def refresh(self, *, quiet: bool = True) -> None:
        """List every shown board folder again (expanded folders stay expanded).

        Automatic refreshes (after a run, after an action) fail quietly, in the status line;
        the Refresh button and menu item (``quiet=False``) say so in a dialog."""
        if self.pane.controller is None or not self.pane.board_model.connected:
            return
        if self.pane.is_running():
            self.pending = True
            return
        # One automatic refresh waiting is enough: a run's end (a pending refresh, then
        # files_changed), files_changed from another pane's job followed by its busy -> idle...
        if quiet and self.queued:
            return
        self.queued = True
        paths = self.pane.board_model.loaded_folders() or ["/"]

        def work(s: Any) -> tuple[dict[str, list[Any] | None], Any]:
            out: dict[str, list[Any] | None] = {}
            for p in paths:
                try:
                    out[p] = list_folder(s, p)
                except Exception:  # noqa: BLE001 - a folder gone since: its parent drops it
                    if p == "/":
                        raise
                    out[p] = None
            return out, free_space(s)

        def done(result: tuple[dict[str, list[Any] | None], Any]) -> None:
            self.queued = False
            listings, free = result
            for p in paths:
                if listings.get(p) is not None:
                    self.pane.board_model.set_children(p, listings[p])  # type: ignore[arg-type]
            self.pane.set_free(free)

        def failed(exc: BaseException) -> None:
            self.queued = False
            if quiet:
                self.pane.transfer_bar.set_status(error_text(exc))
            else:
                self.pane.show_error(exc)

        self.pane.submit(work, done, failed, busy=False)
