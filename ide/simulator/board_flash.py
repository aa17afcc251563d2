# ruff: noqa: N801
"""The virtual board's flash filesystem. Runs INSIDE MicroPython (board_runtime.py executes it).

A VFS mounted at "/" over VfsPosix("/flash") (emscripten's in-memory FS), behaving as littlefs
on a 2 MiB board does:
- errno numbers of a board (Linux values), (name, type, 0, size) from ilistdir;
- paths resolved here, against our own current folder: "/.." stays at "/", so nothing outside
  the flash (the runtime's /sim sources) is reachable; a name over 255 bytes is refused with
  ENAMETOOLONG (littlefs's LFS_NAME_MAX), so listings are never cut;
- statvfs tells the truth (4 KiB blocks in use), and a write that needs a block past the size
  fails with ENOSPC, as on a board;
- the host keeps the files: every file closed or flushed after writing, and every folder or
  name change, is mirrored to the host folder by _simhost.sync/rename (board.js), so the
  files outlive restarts and crashes (what a closed file held is kept, as littlefs commits on
  close).
"""

import io
import os

import _simhost

# emscripten errno -> the numbers MicroPython boards use (Linux values)
_ERRNO = {
    63: 1, 44: 2, 29: 5, 8: 9, 6: 11, 48: 12, 2: 13, 10: 16, 20: 17, 75: 18, 43: 19, 54: 20,
    31: 21, 28: 22, 41: 23, 33: 24, 22: 27, 51: 28, 69: 30, 37: 36, 52: 38, 55: 39, 58: 95,
    73: 110,
}  # fmt: skip

FLASH_BLOCKS = 512  # 2 MiB of 4 KiB blocks
BLOCK = 4096
NAME_MAX = 255  # bytes, as littlefs
ENOSPC = 28
ENAMETOOLONG = 36
ENOENT = 2
ENOTDIR = 20
EINVAL = 22
S_IFDIR = 0x4000


def _oserror(e):
    n = e.errno if hasattr(e, "errno") else (e.args[0] if e.args else 0)
    return OSError(_ERRNO.get(n, n))


def _blocks(size, block=BLOCK):
    return (size + block - 1) // block


class _Writer(io.IOBase):  # IOBase: print(file=...), json.dump and stream reads accept it
    """A file opened for writing: growth is checked against the free blocks first, and the host
    copy is refreshed on flush and close."""

    def __init__(self, flash, f, path, size, append):
        self._flash = flash
        self._f = f
        self._path = path
        self._size = size
        self._append = append
        self._open = True
        self._text_path = _text(path)

    def write(self, data):
        n = len(data.encode()) if isinstance(data, str) else len(data)
        pos = self._size if self._append else self._f.tell()
        end = max(self._size, pos + n)
        block = self._flash._block
        grow = _blocks(end, block) - _blocks(self._size, block)
        if grow > 0:
            self._flash._reserve(grow)
        written = self._f.write(data)
        self._size = end
        if self._flash._keep:
            _simhost.dirty(self._text_path)  # synced when the command ends, if still open
        return written

    def read(self, *args):
        return self._f.read(*args)

    def readinto(self, *args):
        return self._f.readinto(*args)

    def readline(self, *args):
        return self._f.readline(*args)

    def readlines(self, *args):
        return self._f.readlines(*args)

    def seek(self, *args):
        return self._f.seek(*args)

    def tell(self):
        return self._f.tell()

    def flush(self):
        self._f.flush()
        if self._open:
            self._flash._sync(self._path)

    def close(self):
        if not self._open:
            return
        self._open = False
        try:
            self._f.close()
        finally:
            self._flash._writer_closed(self._path)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self._f.readline()
        if not line:
            raise StopIteration
        return line

    def __del__(self):
        self.close()


class Flash:
    """``root``: its folder in emscripten's FS; ``blocks`` x ``block`` bytes; ``keep``: mirror
    changes to the host (the board's own flash) or not (a RAM disk)."""

    def __init__(self, root, blocks=FLASH_BLOCKS, block=BLOCK, keep=True):
        self._fs = os.VfsPosix(root)
        self._total = blocks
        self._block = block
        self._keep = keep
        self._cwd = "/"
        self._used = None  # blocks in use at the last count (None: count again)
        self._extra = 0  # blocks writers took since that count

    # ---------------------------------------------------------------- paths

    def _abs(self, path):
        """The absolute, normalised path (same type as given): "..": never above "/"."""
        is_bytes = isinstance(path, bytes)
        text = path.decode() if is_bytes else path
        parts = [] if text.startswith("/") else [p for p in self._cwd.split("/") if p]
        for part in text.split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if parts:
                    parts.pop()
                continue
            if len(part.encode()) > NAME_MAX:
                raise OSError(ENAMETOOLONG)
            parts.append(part)
        result = "/" + "/".join(parts)
        return result.encode() if is_bytes else result

    def _call(self, name, *args):
        try:
            return getattr(self._fs, name)(*args)
        except OSError as e:
            raise _oserror(e) from None

    # ---------------------------------------------------------------- space

    def _count(self, path):
        used = 1  # the folder's own metadata block
        for e in self._fs.ilistdir(path):
            child = _join(path, e[0])
            if e[1] == S_IFDIR:
                used += self._count(child)
            else:
                used += _blocks(self._fs.stat(child)[6], self._block)
        return used

    def _in_use(self):
        if self._used is None:
            self._used = self._count("/")
            self._extra = 0
        return self._used + self._extra

    def _changed(self):
        self._used = None

    def _reserve(self, blocks):
        if self._in_use() + blocks > self._total:
            raise OSError(ENOSPC)
        self._extra += blocks

    def _writer_closed(self, path):
        self._changed()
        self._sync(path)

    def _sync(self, path):
        if self._keep:
            _simhost.sync(_text(path))

    # ---------------------------------------------------------------- the VFS protocol

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def open(self, path, mode):
        path = self._abs(path)
        if not any(c in mode for c in "wax+"):
            return self._call("open", path, mode)
        f = self._call("open", path, mode)
        self._changed()  # "w" may have emptied a file
        try:
            size = self._fs.stat(path)[6]
        except OSError:
            size = 0
        return _Writer(self, f, path, size, "a" in mode)

    def stat(self, path):
        return self._call("stat", self._abs(path))

    def mkdir(self, path):
        path = self._abs(path)
        self._reserve(1)
        try:
            self._call("mkdir", path)
        finally:
            self._changed()
        self._sync(path)

    def rmdir(self, path):
        path = self._abs(path)
        if path in ("/", b"/"):
            raise OSError(EINVAL)  # the root of a filesystem (a mount point), as littlefs/FAT
        self._call("rmdir", path)
        self._changed()
        self._sync(path)

    def remove(self, path):
        path = self._abs(path)
        self._call("remove", path)
        self._changed()
        self._sync(path)

    def rename(self, old, new):
        old, new = self._abs(old), self._abs(new)
        self._call("rename", old, new)
        self._changed()
        if self._keep:
            _simhost.rename(_text(old), _text(new))

    def chdir(self, path):
        path = self._abs(path)
        if not self._call("stat", path)[0] & S_IFDIR:
            raise OSError(ENOTDIR)
        self._cwd = path.decode() if isinstance(path, bytes) else path

    def getcwd(self):
        return self._cwd

    def ilistdir(self, path):
        path = self._abs(path)
        out = []
        for e in self._call("ilistdir", path):
            size = 0
            if e[1] != S_IFDIR:
                size = self._fs.stat(_join(path, e[0]))[6]
            out.append((e[0], e[1], 0, size))
        return iter(out)

    def statvfs(self, path):
        free = max(self._total - self._in_use(), 0)
        b = self._block
        return (b, b, self._total, free, free, 0, 0, 0, 0, NAME_MAX)


def _text(path):
    return path.decode() if isinstance(path, bytes) else path


def _join(path, name):
    sep = b"/" if isinstance(path, bytes) else "/"
    return path.rstrip(sep) + sep + name


# ---------------------------------------------------------------- RAM disks (os.VfsFat/VfsLfs2)

# A block device formatted with mkfs gets a fresh folder under /ram (emscripten's FS, outside
# the flash): files live there, sized by the device's blocks. The device's own bytes are not
# used (nothing reads raw blocks of a mounted filesystem); what a program sees through the
# VFS is a board's.
_formatted = []  # [(block device, folder)]: kept alive while the program runs
ENODEV = 19


def _folder_of(bdev):
    for dev, folder in _formatted:
        if dev is bdev:
            return folder
    return None


def _geometry(bdev):
    return bdev.ioctl(4, 0), bdev.ioctl(5, 0) or 512  # block count, block size


class _BlockVfs(Flash):
    def __init__(self, bdev):
        folder = _folder_of(bdev)
        if folder is None:
            raise OSError(ENODEV)  # no filesystem on it: mkfs first
        count, size = _geometry(bdev)
        super().__init__(folder, count, size, keep=False)

    @staticmethod
    def _mkfs(bdev, ram):
        folder = _folder_of(bdev)
        if folder is None:
            folder = "/ram/" + str(len(_formatted))
            _formatted.append((bdev, folder))
        _empty(ram, folder)


def _empty(ram, folder):
    """Make ``folder`` (a path in emscripten's FS, through the VfsPosix ``ram``) an empty folder."""
    try:
        entries = list(ram.ilistdir(folder))
    except OSError:
        ram.mkdir(folder)
        return
    for e in entries:
        child = folder + "/" + e[0]
        if e[1] == S_IFDIR:
            _empty(ram, child)
            ram.rmdir(child)
        else:
            ram.remove(child)


def install_ram_disks(os_module, ram):
    """os.VfsFat, os.VfsLfs2 and os.mount(block_device, path), as on a board.
    ``ram`` is a VfsPosix("/") made before the flash hid emscripten's root."""

    def vfs_class(name):
        def mkfs(bdev):
            _BlockVfs._mkfs(bdev, ram)

        return type(name, (_BlockVfs,), {"mkfs": staticmethod(mkfs)})

    os_module.VfsFat = vfs_class("VfsFat")
    os_module.VfsLfs2 = vfs_class("VfsLfs2")
    real_mount = os_module.mount

    def mount(obj, mount_point, readonly=False, mkfs=False):
        if not hasattr(obj, "open") and hasattr(obj, "readblocks"):
            obj = _BlockVfs(obj)  # a bare block device: what its mkfs made (else ENODEV)
        return real_mount(obj, mount_point, readonly=readonly)

    os_module.mount = mount
