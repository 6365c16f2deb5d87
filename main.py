"""Mostrador point of sale: ``python main.py [--data-dir DIR] [--demo] [--diagnose] [--lang es|en]``."""

import time

STARTED = time.perf_counter()  # before the imports: "start to ready" counts them too

import sys  # noqa: E402

from pos.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(started=STARTED))
