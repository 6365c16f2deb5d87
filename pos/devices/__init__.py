"""Printers, scanners, the cash drawer and the pole display (no Qt).

python-escpos reads where to cache its capabilities database when it is first imported, and every
module that imports it lives in this package: so the setting is made here, before any of them.
"""

from pos.devices.escpos_cache import use_capabilities_cache

use_capabilities_cache()
