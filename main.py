"""Mostrador point of sale: ``python main.py [--data-dir DIR] [--demo] [--diagnose] [--lang es|en]``."""

import sys

from pos.app import main

if __name__ == "__main__":
    sys.exit(main())
