"""WebREPL passwords for the SessionController: the ones typed in this run (URL -> password),
and forgetting one the board refused (here and in the keyring). Owned by the SessionController."""

from __future__ import annotations


class WebReplPasswords:
    """This run's WebREPL passwords, by ws:// URL."""

    def __init__(self) -> None:
        self._passwords: dict[str, str] = {}  # WebREPL URL -> password, for this run only

    def set(self, url: str, password: str) -> None:
        self._passwords[url] = password

    def has(self, url: str) -> bool:
        return url in self._passwords

    def get(self, url: str) -> str | None:
        return self._passwords.get(url)

    def forget(self, url: str) -> None:
        """The board refused it: forget it (this run's and the keyring's), so choosing the
        address again asks anew and no quiet retry repeats it."""
        from ide.ui.board.network import store_password

        self._passwords.pop(url, None)
        store_password(url, None)


def is_wrong_password(exc: BaseException) -> bool:
    from ide.board.transports.webrepl import WrongPassword

    return isinstance(exc, WrongPassword)
