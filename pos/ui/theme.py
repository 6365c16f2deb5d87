"""Fonts shipped in resources/ and one stylesheet: high contrast, touch-sized (>= 44 px) targets."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from pos.resources import resource

log = logging.getLogger(__name__)
FONT_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"

STYLESHEET = """
QWidget { font-size: 15px; color: #111; }
QMainWindow, QDialog { background: #f4f5f7; }
QPushButton { min-height: 44px; min-width: 44px; padding: 0 10px; border: 1px solid #8a8f98;
              border-radius: 6px; background: #ffffff; font-size: 15px; }
QPushButton:pressed { background: #dde3ea; }
QPushButton:disabled { color: #8a8f98; background: #eceef1; }
QPushButton#payButton, QPushButton#confirmPaymentButton { background: #0b6e2f; color: white; font-size: 22px;
              font-weight: bold; min-height: 54px; border: 2px solid #064d20; }
QPushButton#payButton:disabled, QPushButton#confirmPaymentButton:disabled { background: #9db7a6; }
QLineEdit { min-height: 40px; font-size: 20px; padding: 2px 8px; border: 2px solid #5b6270; border-radius: 6px;
            background: white; }
QLineEdit:focus { border-color: #0b57d0; }
QTableView { background: white; font-size: 15px; gridline-color: #d5d8dd; selection-background-color: #fff2b3;
             selection-color: #111; }
QHeaderView::section { background: #e4e7eb; font-weight: bold; padding: 4px; border: none; }
QLabel#totalLabel { font-size: 40px; font-weight: bold; }
QLabel#changeLabel { font-size: 34px; font-weight: bold; color: #0b6e2f; }
QLabel#dueLabel { font-size: 36px; font-weight: bold; }
QLabel#messageBar { font-size: 17px; font-weight: bold; padding: 8px; border-radius: 4px; }
QStatusBar QLabel { font-size: 13px; padding: 0 3px; }
"""


def load_fonts(app: QApplication) -> str:
    """Register the bundled DejaVu fonts and make them the application font.

    A fresh counter PC may have no fonts at all; without this Qt draws boxes."""
    loaded = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"):
        if QFontDatabase.addApplicationFont(str(resource("fonts", name))) < 0:
            log.warning("could not load bundled font %s", name)
        else:
            loaded.append(name)
    font = QFont(FONT_FAMILY, 11)
    app.setFont(font)
    return FONT_FAMILY if loaded else font.family()


def style(widget: QWidget) -> None:
    """Apply the look to a widget and its children.

    Deliberately not app-wide: a style sheet makes Qt paint every affected widget through its
    slow style-sheet path, and the cart table repaints on every scan. The table gets a palette
    instead (``style_table``)."""
    widget.setStyleSheet(STYLESHEET)


# Flat and wide enough for a finger. Fusion draws its scroll bar with gradients that cost ~7 ms a
# repaint, and the cart's scroll bar repaints on every scan once the ticket outgrows the table.
SCROLLBAR_STYLESHEET = """
QScrollBar:vertical { background: #eceef1; width: 18px; margin: 0; }
QScrollBar::handle:vertical { background: #8a8f98; min-height: 44px; border-radius: 6px; margin: 2px; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""


def style_table(table: QTableView) -> None:
    table.verticalScrollBar().setStyleSheet(SCROLLBAR_STYLESHEET)
    palette = table.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#fff2b3"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#111111"))
    table.setPalette(palette)
    font = QFont(FONT_FAMILY)
    font.setPixelSize(18)
    table.setFont(font)
    header_font = QFont(FONT_FAMILY)
    header_font.setPixelSize(15)
    header_font.setBold(True)
    table.horizontalHeader().setFont(header_font)
