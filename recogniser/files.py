"""Writing files: whole or not at all, private to the user, durable once written.

Everything Recogniser writes goes through here: case files, reports, exports, settings, the trust store, the
reference data an office imports, the case store's database file and the log.

A file is written beside its target and renamed into place (:class:`StagedFile`), so a reader sees the old file
or the whole new one, never a part; the folder is synced after the rename (:func:`fsync_folder`), so the new
name survives a power cut. A destination is checked before any work (:func:`output_target`,
:func:`writable_output`): no name, a missing folder, a folder, a device or a read-only file are refused naming
the file.

Files and folders that hold personal data (learners' names, identifiers, refugee status) or secrets (a database
password in the settings) are private to the user who runs Recogniser.

Each is created with its private mode given to the system call (``os.open(..., 0o600)``, ``mkdir(mode=0o700)``),
never by changing the process umask, which is shared by every thread and would race with any of them creating
a file. The mode is then set again explicitly, because a system may ignore the one given at creation; on
Windows, where these modes mean little, the user's own profile folder keeps the files private.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Self, TypeVar

from recogniser.errors import OutputFileError, UserInputError, located, system_reason
from recogniser.i18n import phrase
from recogniser.resources import user_data_path

_T = TypeVar("_T")

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


# --- writing whole files ---


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` so that readers see the old file or the whole new one, never a part."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    with StagedFile(path) as staged:
        staged.write(data)
        staged.commit()


def output_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or the file a symbolic link there points to.

    Raises :class:`OutputFileError` when it cannot be a file of ours: no name, a missing folder, a folder or a
    device at that name, or a read-only file (replacing it would defeat the protection its owner gave it).
    """
    text = os.fspath(path)
    if not text:
        raise OutputFileError("", phrase("no file name given"))
    # Written through the link, which stays: the user named the link to mean the file it points to.
    target = Path(os.path.realpath(text)) if os.path.islink(text) else Path(text)
    folder = target.parent
    if not folder.is_dir():
        raise OutputFileError(text, no_folder(folder), errno.ENOENT)
    try:
        status = target.stat()
    except FileNotFoundError:
        return target
    except OSError as error:
        raise OutputFileError(text, system_reason(error), error.errno or 0) from None
    if stat.S_ISDIR(status.st_mode):
        raise OutputFileError(text, phrase("is a folder; give a file name"), errno.EISDIR)
    if not stat.S_ISREG(status.st_mode):
        raise OutputFileError(text, phrase("is not a regular file"), errno.EINVAL)
    # Write bits checked as well as access: the superuser may write anything, but a file nobody may write is
    # one its owner protected.
    if not os.access(target, os.W_OK) or not status.st_mode & 0o222:
        raise OutputFileError(text, phrase("the file is read-only"), errno.EACCES)
    return target


def no_folder(folder: Path) -> str:
    """Why ``folder``, which is not a folder, cannot hold a file."""
    if folder.exists():
        return phrase("the folder {folder} is not a folder", folder=str(folder))
    return phrase("the folder {folder} does not exist", folder=str(folder))


def writable_output(path: str | os.PathLike[str], *, force: bool) -> str:
    """``path``, checked as a place for a file a person may have worked on: an existing file there is only
    replaced with ``force`` (``--force``), and never when :func:`output_target` refuses it."""
    text = os.fspath(path)
    output_target(text)
    keep_existing(text, force=force)
    return text


def keep_existing(path: str | os.PathLike[str], *, force: bool) -> None:
    """Refuse to replace a file already at ``path`` unless ``force`` (``--force``) is given."""
    text = os.fspath(path)
    if os.path.lexists(text) and not force:
        problem = phrase(
            "already exists; give {force} to replace it, or {output} to write elsewhere", force="--force", output="-o"
        )
        raise UserInputError(located(text, problem))


class StagedFile:
    """A file written beside its target first and put in its place only by :meth:`commit`.

    Lets a caller check the destination and write the whole file before it commits anything else (a case and
    its decision), so a run that fails leaves neither; leaving the ``with`` block without committing removes
    the staged bytes and leaves any old file untouched. Every failure is an :class:`OutputFileError`.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.target = output_target(path)
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent)
        except OSError as error:
            raise self._error(error) from None
        os.close(handle)
        self._temporary: Path | None = Path(temporary)

    def write(self, data: bytes) -> None:
        assert self._temporary is not None, "written after commit or discard"
        try:
            with self._temporary.open("wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            # mkstemp makes the file private, as a new case file or report stays: it names a learner. A file
            # replaced keeps the permissions its owner gave it.
            os.chmod(self._temporary, _replaced_mode(self.target))
        except OSError as error:
            raise self._error(error) from None

    def write_text(self, produce: Callable[[IO[str]], _T]) -> _T:
        """Let ``produce`` write UTF-8 text to the staged file as it goes (a large export is never held whole);
        returns what ``produce`` returns."""
        assert self._temporary is not None, "written after commit or discard"
        try:
            with self._temporary.open("w", encoding="utf-8", newline="") as stream:
                result = produce(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(self._temporary, _replaced_mode(self.target))
        except OSError as error:
            raise self._error(error) from None
        return result

    def commit(self) -> None:
        assert self._temporary is not None, "committed twice or after discard"
        try:
            os.replace(self._temporary, self.target)
        except OSError as error:
            raise self._error(error) from None
        self._temporary = None
        fsync_folder(self.target.parent)

    def discard(self) -> None:
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
            self._temporary = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.discard()

    def _error(self, error: OSError) -> OutputFileError:
        return OutputFileError(self.path, system_reason(error), error.errno or 0)


def _replaced_mode(target: Path) -> int:
    """The permissions of the file about to be replaced, private for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return PRIVATE_FILE_MODE


# --- private files and folders ---


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
