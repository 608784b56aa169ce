"""The top-level window of the app: shown first, at once, then holding the main window.

At start-up this frame maps before the store, the core and the panels are loaded (it needs
Qt alone), with the size and place the window had last time; the main window, once built, is
placed in it as its whole content. The frame follows the main window's title and closes with
it; closing the frame asks the main window first (unsaved edits).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from newsroom_desktop.core.settings import settings_path

if TYPE_CHECKING:
    from newsroom_desktop.ui.main_window import MainWindow

DEFAULT_SIZE = (1440, 900)
GEOMETRY_KEY = "window/geometry"


def window_state() -> QSettings:
    """Return the window state kept beside settings.json (geometry, splitter)."""
    return QSettings(str(settings_path().with_name("window.ini")), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget) -> None:
    """Give ``window`` the size and place it had when last closed (else the default size)."""
    geometry = window_state().value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)


class WindowFrame(QMainWindow):
    """The app's top-level window while the main window is built, and around it after."""

    painted = Signal()  # the first frame is on screen: the rest of the start can follow

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("windowFrame")
        self.setWindowTitle(self.tr("Opening…"))
        self._placeholder = QLabel(self.tr("Opening the newsroom…"))
        self._placeholder.setObjectName("openingLabel")
        # Centred by its style sheet: the first use of the Qt namespace builds its hundred
        # Python enums (some 20 ms), which the first frame can do without.
        self._placeholder.setStyleSheet("qproperty-alignment: AlignCenter; color: #6b7280;")
        self.setCentralWidget(self._placeholder)
        self._painted = False
        self.content: MainWindow | None = None
        restore_geometry(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def hold(self, window: MainWindow) -> None:
        """Show ``window`` as this frame's whole content, and close with it."""
        from PySide6.QtCore import Qt  # noqa: PLC0415 - lazy, for start-up time

        window.setWindowFlags(Qt.WindowType.Widget)
        self.content = window
        self.setCentralWidget(window)  # the placeholder goes
        self.setWindowTitle(window.windowTitle())
        window.windowTitleChanged.connect(self.setWindowTitle)
        window.closed.connect(self.close)
        window.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The main window decides (it may keep the window open to save an edit first).
        if self.content is not None and self.content.isVisible() and not self.content.close():
            event.ignore()
            return
        if self.content is None:
            window_state().setValue(GEOMETRY_KEY, self.saveGeometry())
        event.accept()
