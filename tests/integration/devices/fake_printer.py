"""A network receipt printer on 127.0.0.1 for tests: answers DLE EOT status requests and captures jobs."""

from __future__ import annotations

import socket
import threading

ESC_AT, SELECT_CP858, PARTIAL_CUT = b"\x1b@", b"\x1bt\x13", b"\x1dV\x01"
OK, PAPER_OUT_PRINTER, PAPER_OUT_PAPER, PAPER_OUT_CAUSE = 0x12, 0x1A, 0x72, 0x32


class FakePrinter:
    """A network receipt printer. ``mode``: ``normal`` (answers DLE EOT, takes the job), ``hang`` (accepts the
    connection, then never reads nor answers), ``paper_out`` (answers that the paper ran out)."""

    def __init__(self, port: int = 0, mode: str = "normal") -> None:
        self.mode = mode
        self.jobs: list[bytes] = []  # one entry per connection that sent data, DLE EOT requests taken out
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", port))
        self.port = self._server.getsockname()[1]
        self._open: list[socket.socket] = []
        self._stop = threading.Event()
        self._got_job = threading.Condition()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"escpos+tcp://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        self._server.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._open.append(conn)
            if self.mode != "hang":
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _answer(self, n: int) -> bytes:
        if self.mode == "paper_out":
            return bytes([{1: PAPER_OUT_PRINTER, 2: PAPER_OUT_CAUSE, 4: PAPER_OUT_PAPER}.get(n, OK)])
        return bytes([OK])

    def _serve(self, conn: socket.socket) -> None:
        data, buffer = b"", b""
        with conn:
            while True:
                try:
                    chunk = conn.recv(4096)
                except OSError:
                    break
                if not chunk:
                    break
                buffer += chunk
                while (at := buffer.find(b"\x10\x04")) >= 0 and len(buffer) >= at + 3:
                    data += buffer[:at]
                    conn.sendall(self._answer(buffer[at + 2]))
                    buffer = buffer[at + 3:]
                keep = 2 if buffer.endswith(b"\x10\x04") else 1 if buffer.endswith(b"\x10") else 0
                data, buffer = data + buffer[:len(buffer) - keep], buffer[len(buffer) - keep:]
        if data:
            with self._got_job:
                self.jobs.append(data)
                self._got_job.notify_all()

    def wait_jobs(self, count: int, timeout: float = 5.0) -> list[bytes]:
        with self._got_job:
            self._got_job.wait_for(lambda: len(self.jobs) >= count, timeout)
            return list(self.jobs)

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        for conn in self._open:
            conn.close()
