"""Support, for a manager or admin: the log, a backup now, and the support bundle for whoever helps IT."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.ui.background import BackgroundTask
from pos.ui.messages import describe
from pos.ui.theme import MONO_FAMILY, style

PROBLEM_LEVELS = (" WARNING ", " ERROR ", " CRITICAL ", "Traceback", "  File ")


@dataclass(frozen=True)
class SupportPorts:
    read_log: Callable[[], list[str]]  # newest last, secrets already masked
    backup_now: Callable[[], str]  # the new backup's path
    backup_state: Callable[[], tuple[datetime | None, int, Path]]  # last backup (UTC), how many kept, where
    export_bundle: Callable[[Path], Path]
    log_dir: Path


class SupportDialog(QDialog):
    def __init__(self, parent: QWidget | None, ports: SupportPorts,
                 open_till_settings: Callable[[QWidget], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportDialog")
        self.setWindowTitle(self.tr("Support"))
        self.resize(980, 640)
        style(self)
        self._ports = ports
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Log (%1)").replace("%1", str(ports.log_dir))), 1)
        self.problems_only = QCheckBox(self.tr("Only warnings and errors"))
        self.problems_only.setObjectName("logProblemsOnly")
        self.problems_only.toggled.connect(self.refresh)
        top.addWidget(self.problems_only)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        layout.addLayout(top)
        self.log_view = QPlainTextEdit()
        self.log_view.setObjectName("logView")
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFont(MONO_FAMILY)
        font.setPixelSize(13)
        self.log_view.setFont(font)
        layout.addWidget(self.log_view, 1)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupStateLabel")
        self.backup_label.setWordWrap(True)
        self.backup_label.setMinimumHeight(44)
        layout.addWidget(self.backup_label)
        self.message = QLabel()
        self.message.setObjectName("supportMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(44)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNowButton")
        self.backup_button.clicked.connect(self.backup)
        self.bundle_button = QPushButton(self.tr("Export support bundle…"))
        self.bundle_button.setObjectName("exportSupportBundleButton")
        self.bundle_button.clicked.connect(self.choose_bundle)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button in (self.backup_button, self.bundle_button):
            buttons.addWidget(button)
        if open_till_settings is not None:
            self.till_button = QPushButton(self.tr("Shop and till…"))
            self.till_button.setObjectName("tillSettingsButton")
            self.till_button.clicked.connect(lambda _checked=False: open_till_settings(self))
            buttons.addWidget(self.till_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        lines = self._ports.read_log()
        if self.problems_only.isChecked():
            lines = [line for line in lines if any(level in line for level in PROBLEM_LEVELS)]
        self.log_view.setPlainText("\n".join(lines) or self.tr("The log is empty."))
        self.log_view.moveCursor(QTextCursor.MoveOperation.End)
        self.show_backup_state()

    def show_backup_state(self) -> None:
        last, count, where = self._ports.backup_state()
        if last is None:
            self.backup_label.setText(self.tr("No backup yet (%1).").replace("%1", str(where)))
            return
        local = last.astimezone().strftime("%Y-%m-%d %H:%M")
        self.backup_label.setText(self.tr("Last backup: %1 · %2 kept in %3").replace("%1", local)
                                  .replace("%2", str(count)).replace("%3", str(where)))

    def backup(self) -> None:
        self.backup_button.setEnabled(False)
        self.message.setText(self.tr("Backing up… sales can go on meanwhile."))

        def done(path: str | None, error: BaseException | None) -> None:
            self.backup_button.setEnabled(True)
            self.message.setText(self.tr("Backup written: %1").replace("%1", path) if path
                                 else self.tr("The backup failed: %1").replace("%1", str(error)))
            self.show_backup_state()

        BackgroundTask(self, self._ports.backup_now, done).start()

    def choose_bundle(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export support bundle"),
                                              str(Path.home() / "mostrador-support.zip"), "Zip (*.zip)")
        if path:
            self.export(Path(path))

    def export(self, dest: Path) -> None:
        """Runs the checks of --diagnose (the store check can take seconds), so off the GUI thread."""
        self.bundle_button.setEnabled(False)
        self.message.setText(self.tr("Checking the till and writing the bundle…"))

        def done(path: Path | None, error: BaseException | None) -> None:
            self.bundle_button.setEnabled(True)
            if path is None:
                self.message.setText(describe(error or RuntimeError()))
                return
            self.message.setText(self.tr("Support bundle written: %1. It holds no passwords or keys.")
                                 .replace("%1", str(path)))

        BackgroundTask(self, lambda: self._ports.export_bundle(dest), done).start()
