import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.postgres_server import PostgresServer, PostgresUnavailableError

# Qt must never look for a display, in CI or here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never read or write the real user's data and settings (database, log, drafts, office corrections).
_sandbox = tempfile.mkdtemp(prefix="recogniser-tests-")
os.environ["RECOGNISER_DATA_HOME"] = os.path.join(_sandbox, "data")
os.environ["RECOGNISER_CONFIG_HOME"] = os.path.join(_sandbox, "config")
os.environ["RECOGNISER_CACHE_HOME"] = os.path.join(_sandbox, "cache")
# ... nor an office database named for the user's own work.
os.environ.pop("RECOGNISER_DATABASE_URL", None)

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer.start()
    except PostgresUnavailableError as error:
        pytest.fail(f"the PostgreSQL test server did not start: {error}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgresql_url(postgres_server: PostgresServer) -> Iterator[str]:
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cases.db'}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty database on each backend."""
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture(autouse=True)
def _english_unless_asked() -> Iterator[None]:
    """Each test starts in English: a command run with --language keeps its language for the process, as the
    command line does, and must not decide the language of the tests after it."""
    from recogniser import i18n

    i18n.use_language(i18n.SOURCE_LANGUAGE)
    yield
