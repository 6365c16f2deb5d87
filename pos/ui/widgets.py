"""Small widget helpers shared by the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton


def make_button(text: str, slot: Callable[[], object], name: str = "", *, keep_focus: bool = False) -> QPushButton:
    """A push button wired to ``slot``. ``keep_focus``: touching it never takes the focus (the sale
    screen's scan field keeps it)."""
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    if keep_focus:
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget
