"""``python -m sync.sandbox --port P --data DIR [--seed demo] [--host 127.0.0.1]``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from .server import SandboxServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.sandbox", description="Mostrador sandbox online store")
    parser.add_argument("--port", type=int, default=8080, help="TCP port (0 = pick a free one)")
    parser.add_argument("--data", type=Path, required=True, help="data directory (sandbox.sqlite3 lives here)")
    parser.add_argument("--seed", choices=["demo"], help="seed demo data (idempotent)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = SandboxServer(args.data, host=args.host, port=args.port, seed=args.seed)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    server.start()
    print(f"sandbox listening on {server.url}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
