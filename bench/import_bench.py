"""Benchmark the credential importer: `python bench/import_bench.py`.

Builds a 5 MB Europass credential and a 5 MB Open Badge, most of it an embedded base64 image as real files
carry, and prints the median time of `import_credential` on each (target under 1 s on the CI machine).
"""

from __future__ import annotations

import base64
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from recogniser.interchange import import_credential  # noqa: E402

FIXTURES = ROOT / "tests" / "interchange" / "fixtures"
SIZE = 5 * 1024 * 1024
REPEATS = 15


def with_image(name: str, place: Any) -> bytes:
    """The fixture ``name`` with a base64 image filling it to :data:`SIZE` bytes, put in by ``place``."""
    document = json.loads((FIXTURES / name).read_text("utf-8"))
    image = base64.b64encode(random.Random(6).randbytes(SIZE * 3 // 4)).decode("ascii")[: SIZE - 20_000]
    place(document, image)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def europass_logo(document: dict[str, Any], image: str) -> None:
    body = document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
    body["logo"]["content"] = image


def badge_image(document: dict[str, Any], image: str) -> None:
    document["credentialSubject"]["achievement"]["image"]["id"] = f"data:image/png;base64,{image}"


def median_ms(path: Path) -> float:
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        import_credential(path)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for label, name, place in (
            ("Europass (ELM v3)", "edc-microcredential.json", europass_logo),
            ("Open Badges 3.0", "ob3-badge.json", badge_image),
        ):
            path = Path(folder) / name
            path.write_bytes(with_image(name, place))
            import_credential(path)  # warm the country and framework tables once, as the window does
            size_mb = path.stat().st_size / 1024 / 1024
            print(
                f"import {label}, {size_mb:.1f} MB with an embedded image (median of {REPEATS}): "
                f"{median_ms(path):.0f} ms  (target < 1000 ms)"
            )


if __name__ == "__main__":
    main()
