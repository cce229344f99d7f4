"""Start the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from recogniser import __version__


class MainWindow(QMainWindow):
    """The main window. Until the case list and editor land it shows what the command line can do."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Recogniser"))
        hint = QLabel(
            self.tr(
                "<h2>Recogniser {version}</h2>"
                "<p>The case editor is on its way. Meanwhile, assess a case file from a terminal:</p>"
                "<pre>recogniser assess case.json</pre>"
            ).format(version=__version__)
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setTextFormat(Qt.TextFormat.RichText)
        self.setCentralWidget(hint)
        self.resize(900, 600)


def run_app(arguments: list[str]) -> int:
    QCoreApplication.setOrganizationName("Recogniser")
    QCoreApplication.setApplicationName("Recogniser")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    return int(app.exec())
