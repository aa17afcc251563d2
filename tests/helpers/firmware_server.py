"""A local stand-in for micropython.org's download pages (127.0.0.1 only), for tests/bench."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ide.firmware import uf2
from tests.helpers.firmware_images import build_test_image, make_uf2

FIXTURES = Path(__file__).parent / "fixtures" / "catalog"


def build_files() -> dict[str, bytes]:
    """Firmware files by name: several versions, a preview and a variant."""
    s3 = build_test_image("ESP32-S3", 192 * 1024, seed=3)
    s3_old = build_test_image("ESP32-S3", 160 * 1024, seed=4)
    spiram = build_test_image("ESP32-S3", 200 * 1024, seed=5)
    pico = make_uf2(bytes(range(256)) * 300)
    pico2 = make_uf2(bytes(range(256)) * 310, family=uf2.RP2350_ARM_S)
    return {
        "ESP32_GENERIC_S3-20240602-v1.23.0.bin": s3_old,
        "ESP32_GENERIC_S3-20250415-v1.25.0.bin": s3,
        "ESP32_GENERIC_S3-20250809-v1.26.0-preview.312.g1a2b3c4d5.bin": s3_old,
        "ESP32_GENERIC_S3-SPIRAM_OCT-20250415-v1.25.0.bin": spiram,
        "RPI_PICO-20250415-v1.25.0.uf2": pico,
        "RPI_PICO-20241129-v1.24.1.uf2": pico,
        "RPI_PICO2-20250415-v1.25.0.uf2": pico2,
    }


class FirmwareServer:
    """Serves /download/, /download/<BOARD>/ and /resources/firmware/<file>.

    ``corrupt`` names files whose bytes are damaged on the wire (the page's hash is right);
    ``truncate`` names files whose connection drops halfway; ``unpublished`` names files whose
    page gives no SHA-256; ``requests`` logs every path.
    """

    def __init__(self) -> None:
        self.files = build_files()
        self.corrupt: set[str] = set()
        self.truncate: set[str] = set()
        self.unpublished: set[str] = set()
        self.requests: list[str] = []
        self.up = True
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append(self.path)
                if not server.up:
                    self.send_error(503)
                    return
                body, kind = server.route(self.path)
                if body is None:
                    self.send_error(404)
                    return
                name = self.path.rsplit("/", 1)[-1]
                sent = body
                if name in server.corrupt:
                    sent = body[:100] + bytes([body[100] ^ 0xFF]) + body[101:]
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if name in server.truncate:
                    self.wfile.write(sent[: len(sent) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(sent)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # stop() waits up to one poll interval for serve_forever to notice (0.5 s by default)
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def route(self, path: str) -> tuple[bytes | None, str]:
        if path == "/download/":
            return (FIXTURES / "index.html").read_bytes(), "text/html"
        if path.startswith("/download/") and path.endswith("/"):
            board = path.split("/")[2]
            return self.board_page(board).encode(), "text/html"
        if path.startswith("/resources/firmware/"):
            data = self.files.get(path.rsplit("/", 1)[-1])
            return data, "application/octet-stream"
        return None, ""

    def board_page(self, board: str) -> str:
        rows = []
        for name, data in self.files.items():
            if not name.startswith(board + "-"):
                continue
            digest = hashlib.sha256(data).hexdigest()
            sha = "" if name in self.unpublished else f' data-sha256="{digest}"'
            rows.append(
                f'<a href="/resources/firmware/{name}"{sha}>'
                f'{name.split("-", 2)[-1]}</a> [<a href="/resources/firmware/'
                f'{name.rsplit(".", 1)[0]}.elf">.elf</a>]<br>'
            )
        return (
            f"<html><body><h1>{board}</h1><h2>Firmware</h2>\n"
            + "\n".join(rows)
            + '\n<a href="/download/">All boards</a></body></html>'
        )

    def start(self) -> FirmwareServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
