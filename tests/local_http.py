"""Loopback HTTP for the browser tests, the `serve` test and the benchmarks.

Everything here talks to 127.0.0.1 only: a static server for a built site,
a free port for `mkdocs serve`, and a page fetch that says None rather than
raise while a server is still starting.
"""

from __future__ import annotations

import functools
import gzip
import io
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


# What GitHub Pages and most static hosts send compressed, when the browser asks.
_COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv"}


class _HostingHandler(_QuietHandler):
    """A static host's answers: text compressed with gzip for browsers that accept
    it, and the site's 404.html, status 404, for a missing address."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepted = self.headers.get("Accept-Encoding", "")
        if "gzip" not in accepted or path.suffix not in _COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_directory(directory: Path, *, port: int = 0, hosting: bool = False) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 for as long as the generator runs; yields its URL
    (without a trailing slash). `hosting`: text is sent compressed and missing
    addresses get the site's 404.html, as GitHub Pages and most static hosts
    answer."""
    handler = functools.partial(
        _HostingHandler if hosting else _QuietHandler, directory=str(directory)
    )
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_text(url: str) -> str | None:
    """The page at `url`, or None while nothing answers there yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None
