"""Files and folders that hold personal data (learners' names, identifiers, refugee status) or secrets (a database
password in the settings), private to the user who runs Recogniser.

Each is created with its private mode given to the system call (``os.open(..., 0o600)``, ``mkdir(mode=0o700)``),
never by changing the process umask, which is shared by every thread and would race with any of them creating
a file. The mode is then set again explicitly, because a system may ignore the one given at creation; on
Windows, where these modes mean little, the user's own profile folder keeps the files private.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from recogniser.resources import user_data_path

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """``path`` as a folder only its owner may enter, made (with any missing parents) if need be.

    A folder that exists already is made private too when it is the user's own: the per-user data folder of an
    earlier version was made with the ordinary 0755. Missing parents get the ordinary mode: they are not ours.
    """
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.mkdir(mode=PRIVATE_FOLDER_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
            # made by another process meanwhile; it is made private below
    _restrict(path, PRIVATE_FOLDER_MODE)
    return path


def private_data_folder(*parts: str) -> Path:
    """A folder in the per-user data folder (that folder itself without ``parts``), it and the data folder
    private."""
    folder = private_folder(user_data_path())
    for part in parts:
        folder = private_folder(folder / part)
    return folder


def open_private(path: str | os.PathLike[str], flags: int) -> int:
    """A descriptor of ``path`` opened with ``flags`` (``os.O_CREAT`` added), created readable by its owner only.

    An existing file keeps its contents and is made private as well.
    """
    descriptor = os.open(path, flags | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            status = os.fstat(descriptor)
            if stat.S_IMODE(status.st_mode) != PRIVATE_FILE_MODE and _owned(status):
                os.fchmod(descriptor, PRIVATE_FILE_MODE)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def create_private_file(path: str | os.PathLike[str]) -> None:
    """Make ``path`` an empty private file if it does not exist yet, so that a program that then writes it (the
    SQLite library) keeps the mode; an existing file is made private if it is the user's own."""
    os.close(open_private(path, os.O_WRONLY))


def fsync_folder(path: str | os.PathLike[str]) -> None:
    """Make a rename in the folder ``path`` durable: a file's own fsync does not cover its new name.

    Systems that cannot open a folder for this (Windows) keep their names durable by themselves.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems do not sync folders; the rename itself has been made
    finally:
        os.close(descriptor)


def _restrict(path: Path, mode: int) -> None:
    try:
        status = path.stat()
        if stat.S_IMODE(status.st_mode) != mode and _owned(status):
            path.chmod(mode)
    except OSError:
        pass  # a folder we cannot change is not ours to change


def _owned(status: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()
