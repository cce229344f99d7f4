"""Benchmark the credential importer: `python bench/import_bench.py`.

Builds a 5 MB Europass credential (plain, and sealed in a JAdES envelope with a key made here) and a 5 MB Open
Badge, most of it an embedded base64 image as real files carry, and prints the median time of
`import_credential` on each (target under 1 s on the CI machine): reading, the signature check, the SHA-256 of
the original and the provenance included. Then imports the largest credential the importer accepts (an Open
Badge just under 25 MB) with `recogniser import`, as a process of its own, and prints its time and peak memory.
"""

from __future__ import annotations

import base64
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402
from process import run_recogniser  # noqa: E402  (bench/ is the script's folder, first on the path)

from recogniser.interchange import import_credential  # noqa: E402
from recogniser.interchange.importer import MAX_CREDENTIAL_BYTES  # noqa: E402

FIXTURES = ROOT / "tests" / "interchange" / "fixtures"
SIZE = 5 * 1024 * 1024
REPEATS = 15


def with_image(name: str, place: Any, size: int = SIZE) -> bytes:
    """The fixture ``name`` with a base64 image filling it to ``size`` bytes, put in by ``place``."""
    document = json.loads((FIXTURES / name).read_text("utf-8"))
    image = base64.b64encode(random.Random(6).randbytes(size * 3 // 4)).decode("ascii")[: size - 20_000]
    place(document, image)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def europass_logo(document: dict[str, Any], image: str) -> None:
    body = document["credentialSubject"]["hasClaim"]["awardedBy"]["awardingBody"]
    body["logo"]["content"] = image


def badge_image(document: dict[str, Any], image: str) -> None:
    document["credentialSubject"]["achievement"]["image"]["id"] = f"data:image/png;base64,{image}"


def sealed(raw: bytes) -> bytes:
    """``raw`` as the payload of a JAdES envelope signed with a P-256 key and its self-signed certificate."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Adriatic Polytechnic")])
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    chain = [base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode("ascii")]
    protected = _b64url(json.dumps({"alg": "ES256", "x5c": chain}).encode())
    payload = _b64url(raw)
    r, s = decode_dss_signature(key.sign(f"{protected}.{payload}".encode(), ec.ECDSA(hashes.SHA256())))
    signature = _b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
    envelope = {"payload": payload, "signatures": [{"protected": protected, "signature": signature}]}
    return json.dumps(envelope).encode("ascii")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def median_ms(path: Path) -> float:
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        import_credential(path, assessing_country="HR")
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        # The envelope carries the credential in base64url, a third larger: the sealed file is 5 MB too.
        inner = with_image("edc-microcredential.json", europass_logo, SIZE * 3 // 4)
        for label, name, content in (
            ("Europass (ELM v3)", "edc-microcredential.json", with_image("edc-microcredential.json", europass_logo)),
            ("Europass (ELM v3) sealed in JAdES", "edc-sealed.json", sealed(inner)),
            ("Open Badges 3.0", "ob3-badge.json", with_image("ob3-badge.json", badge_image)),
        ):
            path = Path(folder) / name
            path.write_bytes(content)
            import_credential(
                path, assessing_country="HR"
            )  # warm the country and framework tables once, as the window does
            size_mb = path.stat().st_size / 1024 / 1024
            print(
                f"import {label}, {size_mb:.1f} MB with an embedded image (median of {REPEATS}): "
                f"{median_ms(path):.0f} ms  (target < 1000 ms)"
            )
        print(largest_import(Path(folder)))


def largest_import(folder: Path) -> str:
    """`recogniser import` of the largest credential accepted, run in ``folder``: its time and peak memory."""
    largest = folder / "largest.json"
    largest.write_bytes(with_image("ob3-badge.json", badge_image, MAX_CREDENTIAL_BYTES))
    assert largest.stat().st_size <= MAX_CREDENTIAL_BYTES
    measured = run_recogniser(
        ["import", "--assessing-country", "HR", str(largest), "-o", str(folder / "largest.case.json")], cwd=folder
    )
    return measured.line(f"recogniser import, the largest credential accepted ({largest.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
