"""A rotating log file in the user's data folder; the crash messages point to it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from recogniser.resources import user_data_path

_configured = False


def log_file() -> Path:
    return user_data_path() / "logs" / "recogniser.log"


def setup_logging() -> None:
    global _configured  # noqa: PLW0603 - configure the root logger once per process
    if _configured:
        return
    _configured = True
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # Alembic tells of every migration context it opens, on each start: noise that buries what matters.
    logging.getLogger("alembic").setLevel(logging.WARNING)
