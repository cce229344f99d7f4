import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_document(name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return copy.deepcopy(document)


@pytest.fixture
def credential_file(tmp_path: Path) -> Callable[[Any], Path]:
    """Write a credential (a JSON value, text or bytes) to a fresh file and return its path."""
    counter = iter(range(1000))

    def write(content: Any, suffix: str = ".json") -> Path:
        path = tmp_path / f"credential-{next(counter)}{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, "utf-8")
        else:
            path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
        return path

    return write
