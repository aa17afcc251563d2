"""The virtual board on a pseudo-terminal (Linux and macOS only), for outside tools (mpremote,
pyserial, screen): ``VirtualBoard.port`` is its /dev/pts/N (or /dev/ttysN) path.

A thread polls the pty master. The slave side is closed after creation, so while no program
has the port open the master reports POLLHUP: the pty is then detached from the bridge and the
board's output is dropped, as with any other client that is not connected. POSIX modules
(tty, select.poll) are imported here, inside functions, so the package imports on Windows.
"""

from __future__ import annotations

import os
import threading

from ide.simulator.bridge import CHUNK, Bridge

HUP_RECHECK = 0.01  # seconds between looks at a pty nobody has open


def available() -> bool:
    return hasattr(os, "openpty")


class PtyPort(threading.Thread):
    def __init__(self, bridge: Bridge) -> None:
        super().__init__(name="hotaru-sim-pty", daemon=True)
        if not available():
            raise OSError("this system has no pseudo-terminals")
        import tty

        self._bridge = bridge
        master, slave = os.openpty()
        tty.setraw(slave)
        self.path: str = os.ttyname(slave)
        os.close(slave)  # nobody has the port open until a client opens it
        self._master = master
        os.set_blocking(master, False)
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)  # a full wake pipe already wakes the thread
        self._out = bytearray()  # board output waiting for the pty
        self._cond = threading.Condition()
        self._attached = False
        self._stopping = False

    # Receiver (called by the bridge's out pump)
    def deliver(self, data: bytes) -> None:
        with self._cond:
            # a client that does not read holds the board back, as USB flow control does
            while len(self._out) >= CHUNK and self._attached and not self._stopping:
                self._cond.wait(0.1)
            if not self._attached or self._stopping:
                return
            self._out += data
        self._wake()

    def line_lost(self) -> None:
        pass  # the pty stays until close(): a client that still has it open sees silence

    def _wake(self) -> None:
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass

    def _set_attached(self, attached: bool) -> None:
        with self._cond:
            self._attached = attached
            if not attached:
                self._out.clear()
            self._cond.notify_all()
        if attached:
            self._bridge.attach(self)
        else:
            self._bridge.detach(self)

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._wake()

    def run(self) -> None:
        try:
            self._loop()
        finally:
            self._bridge.detach(self)
            for fd in (self._master, self._wake_r, self._wake_w):
                try:
                    os.close(fd)
                except OSError:
                    pass

    def _loop(self) -> None:
        import select

        while not self._stopping:
            poller = select.poll()
            poller.register(self._wake_r, select.POLLIN)
            if not self._attached:
                # has a client opened the port? (HUP on the master means nobody has it open)
                if _hung_up(self._master):
                    poller.poll(HUP_RECHECK * 1000)
                    self._drain_wake()
                    continue
                self._set_attached(True)
            mask = select.POLLOUT if self._out else 0
            room = self._bridge.room()
            if room and not self._bridge.lost:
                mask |= select.POLLIN
            poller.register(self._master, mask)
            # with no room for input, look again soon (the writer thread makes room)
            ready = poller.poll(None if room or self._out else 10)
            for fd, ev in ready:
                if fd == self._wake_r:
                    self._drain_wake()
                    continue
                data = b""
                if ev & select.POLLIN:
                    data = _read(self._master, min(room, CHUNK))
                    if data:
                        try:
                            self._bridge.send(data)
                        except OSError:
                            pass  # the board is gone; the client keeps a silent port
                if not data and ev & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                    self._set_attached(False)
                    continue
                if ev & select.POLLOUT:
                    self._flush()

    def _drain_wake(self) -> None:
        try:
            os.read(self._wake_r, 512)
        except OSError:
            pass

    def _flush(self) -> None:
        with self._cond:
            if not self._out:
                return
            try:
                written = os.write(self._master, self._out[:CHUNK])
            except BlockingIOError:
                return
            except OSError:
                written = len(self._out)  # the client went away; the next poll says so
            del self._out[:written]
            self._cond.notify_all()

    def close(self) -> None:
        self.stop()
        if self.is_alive():
            self.join(5)


def _hung_up(fd: int) -> bool:
    import select

    p = select.poll()
    p.register(fd, select.POLLIN)
    return any(ev & select.POLLHUP for _, ev in p.poll(0))


def _read(fd: int, n: int) -> bytes:
    """Bytes read; b"" when nothing is there right now or the client hung up."""
    try:
        return os.read(fd, n)
    except OSError:  # EAGAIN, or EIO once the client closed: the poll flags tell which
        return b""
