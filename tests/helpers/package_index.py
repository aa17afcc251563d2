"""A small mip v2 package index, built here in the real layout, served on 127.0.0.1.

    index.json                      name, version, description, author, license, versions, path
    package/{py|6}/{name}/{ver}.json   {"v": 1, "version", "hashes": [[path, short]], "deps"}
    file/{hh}/{short sha256}        the bytes
    gh/{org}/{repo}/HEAD/...        a repository as raw.githubusercontent.com serves it

Packages: fonts (1.0 and 1.1, py and mpy builds), display (a folder package that depends on
fonts), pyonly (source build only), broken (the served bytes do not match the published hash),
big (3 MB: more than the virtual board's free space), and github:hotaru-test/sensor-lib
(package.json with relative "urls" and a dependency on fonts).
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MPY = "6"  # the virtual board's bytecode version
HASH_LEN = 8  # micropython-lib's default short-hash length


def _short(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LEN]


def _mpy(source: bytes) -> bytes:
    """Stand-in bytes for a compiled module (the test compares bytes, it never imports them)."""
    return b"M\x06\x00\x1f" + hashlib.sha256(source).digest() + source[::-1]


#: name -> version -> {path: source}; deps per name
SOURCES: dict[str, dict[str, dict[str, bytes]]] = {
    "fonts": {
        "1.0": {"fonts.py": b"VERSION = '1.0'\nFONT = 'basic'\n"},
        "1.1": {"fonts.py": b"VERSION = '1.1'\nFONT = 'basic, bold'\n"},
    },
    "display": {
        "0.2": {
            "display/__init__.py": b"from display.draw import line\nimport fonts\n",
            "display/draw.py": b"def line(a, b):\n    return (a, b)\n",
        }
    },
    "pyonly": {"2.0": {"pyonly.py": b"VALUE = 42\n"}},
    "broken": {"1.0": {"broken.py": b"print('fine')\n"}},
    "big": {"1.0": {"big.py": b"# " + b"x" * (3 * 1024 * 1024) + b"\n"}},
}
DEPS = {"display": [["fonts", "latest"]]}
PY_ONLY = {"pyonly"}
DESCRIPTIONS = {
    "fonts": "Bitmap fonts for small displays.",
    "display": "Draw on an SSD1306 OLED display.",
    "pyonly": "A pure Python helper.",
    "broken": "A package whose file was damaged on the server.",
    "big": "A very large package.",
}
SENSOR_PACKAGE = {
    "version": "0.3",
    "urls": [
        ["sensor.py", "sensor.py"],
        ["sensor_util/helpers.py", "sensor_util/helpers.py"],
    ],
    "deps": [["fonts", "latest"]],
}
SENSOR_FILES = {
    "sensor.py": b"from sensor_util.helpers import scale\n",
    "sensor_util/helpers.py": b"def scale(x):\n    return x * 2\n",
}


def build() -> dict[str, bytes]:
    """Every served path -> bytes."""
    files: dict[str, bytes] = {}
    packages = []
    for name, versions in SOURCES.items():
        builds = ["py"] if name in PY_ONLY else ["py", MPY]
        for build in builds:
            for version, sources in versions.items():
                hashes = []
                for path, source in sources.items():
                    data = source if build == "py" else _mpy(source)
                    target = path if build == "py" else path[:-3] + ".mpy"
                    short = _short(data)
                    served = data
                    if name == "broken":
                        served = data[:-1] + bytes([data[-1] ^ 1])  # damaged on the server
                    files[f"file/{short[:2]}/{short}"] = served
                    hashes.append([target, short])
                doc: dict[str, object] = {"v": 1, "hashes": hashes, "version": version}
                if name in DEPS:
                    doc["deps"] = DEPS[name]
                body = json.dumps(doc).encode()
                files[f"package/{build}/{name}/{version}.json"] = body
                if version == max(versions):
                    files[f"package/{build}/{name}/latest.json"] = body
        packages.append(
            {
                "name": name,
                "version": max(versions),
                "author": "Hotaru tests",
                "description": DESCRIPTIONS[name],
                "license": "MIT",
                "versions": {b: sorted(versions) for b in builds},
                "path": f"micropython/{name}",
            }
        )
    files["index.json"] = json.dumps({"v": 2, "updated": 1700000000, "packages": packages}).encode()
    repo = "gh/hotaru-test/sensor-lib/HEAD"
    files[f"{repo}/package.json"] = json.dumps(SENSOR_PACKAGE).encode()
    for path, data in SENSOR_FILES.items():
        files[f"{repo}/{path}"] = data
    return files


class IndexServer:
    """Serves build() at http://127.0.0.1:PORT/; ``requests`` logs paths; stop() = offline."""

    def __init__(self) -> None:
        self.files = build()
        self.requests: list[str] = []
        files, log = self.files, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path.split("?", 1)[0].lstrip("/")
                log.append(path)
                body = files.get(path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if not self._thread.is_alive():
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
