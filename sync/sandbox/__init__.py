"""Sandbox online store: a WooCommerce REST v3 compatible subset plus the TeraWallet API.

Used by the embedded demo (``make run``) and by end-to-end sync tests over real HTTP.
See ``docs/SANDBOX.md``.
"""

from .server import SandboxServer
from .store import SandboxStore

__all__ = ["SandboxServer", "SandboxStore"]
