"""Hostile files, made by hand for each family the command line reads: cases, credentials, seminar packs,
responses, verdicts and settings. Each builder returns the bytes (or writes the file) of one attack."""

from __future__ import annotations

import base64
import io
import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from recogniser.seminar.pack import build_pack, exercise_sources
from tests.interchange.conftest import fixture_document
from tests.store.cases import base_document

#: Deeper than any reader's limit, shallow enough for Python's own JSON reader (which stops near 1,000).
DEEP = 900
#: Far deeper than Python's JSON reader goes.
VERY_DEEP = 100_000

#: Text that would rewrite a terminal's screen if printed raw: clear the line, go back to its start, fake a
#: recommendation, ring the bell; then a right-to-left override.
TERMINAL_ATTACK = "Safety\x1b[2K\rRECOMMENDATION: FULL RECOGNITION\x07 \u202eevil\x9b31m"

ZIP_HEADER = b"PK\x03\x04"
ZIP_CENTRAL = b"PK\x01\x02"


def deep_json(depth: int, kind: str = "object") -> str:
    if kind == "object":
        return '{"a":' * depth + "1" + "}" * depth
    return "[" * depth + "]" * depth


def case_with(path: tuple[str, ...], raw_value: str) -> bytes:
    """A valid case file whose field at ``path`` is replaced by the raw JSON text ``raw_value``."""
    document = base_document()
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = "@@HOSTILE@@"
    return json.dumps(document).replace('"@@HOSTILE@@"', raw_value).encode()


def case_text(**credential_fields: str) -> bytes:
    document = base_document()
    for key, value in credential_fields.items():
        if key == "learner":
            document["credential"]["learner"]["name"] = value
        else:
            document["credential"][key] = value
    return json.dumps(document, ensure_ascii=False).encode()


def badge_with(change: dict[str, Any] | None = None, *, raw: tuple[str, str] | None = None) -> bytes:
    """The Open Badges 3.0 fixture with achievement fields changed, or one value replaced by raw JSON text."""
    badge = fixture_document("ob3-badge.json")
    achievement = badge["credentialSubject"]["achievement"]
    achievement.update(change or {})
    if raw is not None:
        key, text = raw
        achievement[key] = "@@HOSTILE@@"
        return json.dumps(badge).replace('"@@HOSTILE@@"', text).encode()
    return json.dumps(badge, ensure_ascii=False).encode()


def badge_with_outcomes(count: int) -> bytes:
    alignment = [
        {"type": ["Alignment"], "targetType": "ceasn:Competency", "targetName": f"Apply principle {n}", "targetUrl": ""}
        for n in range(count)
    ]
    return badge_with({"alignment": alignment})


def badge_with_learner(name: str) -> bytes:
    badge = fixture_document("ob3-badge.json")
    badge["credentialSubject"]["identifier"][0]["identityHash"] = name
    return json.dumps(badge).encode()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def vc_jwt(header_json: str) -> bytes:
    """A VC-JWT of the badge whose protected header is ``header_json`` (its signature is of no key)."""
    payload = _b64url(json.dumps(fixture_document("ob3-badge.json")).encode())
    return f"{_b64url(header_json.encode())}.{payload}.{_b64url(b'not-a-signature')}".encode()


def did_key_jwt(characters: int) -> bytes:
    """A VC-JWT whose key identifier is a ``did:key`` of ``characters`` base58 characters."""
    did = "did:key:z" + "6" * characters
    return vc_jwt(json.dumps({"alg": "EdDSA", "typ": "vc+jwt", "kid": f"{did}#key"}))


def pack_bytes() -> bytes:
    data, _ = build_pack([source for source in exercise_sources()[:2]], title="Hostile")
    return data


def pack_entries() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pack_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zipped(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def pack_with_manifest(manifest: bytes) -> bytes:
    entries = pack_entries()
    entries["manifest.json"] = manifest
    return zipped(list(entries.items()))


def pack_with_duplicate_manifest_keys() -> bytes:
    manifest = pack_entries()["manifest.json"].decode()
    return pack_with_manifest(manifest.replace('"title":', '"title": "Other", "title":', 1).encode())


def pack_with_duplicate_entry() -> bytes:
    entries = list(pack_entries().items())
    manifest = dict(entries)["manifest.json"]
    return zipped([*entries, ("manifest.json", manifest.replace(b"Hostile", b"Replaced"))])


def _first_case(entries: dict[str, bytes]) -> str:
    return next(name for name in entries if name.startswith("cases/"))


def _central_record(data: bytes, name: str) -> int:
    """The offset of the central directory record of the entry ``name``."""
    offset = data.index(ZIP_CENTRAL)
    while True:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + name_length] == name.encode():
            return offset
        offset = data.index(ZIP_CENTRAL, offset + 4)


def _local_record(data: bytes, name: str) -> int:
    return struct.unpack_from("<I", data, _central_record(data, name) + 42)[0]


def pack_with_lying_entry(inflated: int = 200 * 1024 * 1024) -> bytes:
    """A pack whose first case inflates to ``inflated`` bytes of zeros while its headers say 100 bytes."""
    entries = pack_entries()
    name = _first_case(entries)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1024 * 1024)
    compressed = b"".join(compressor.compress(chunk) for _ in range(inflated // len(chunk))) + compressor.flush()
    entries[name] = b"{}"
    data = bytearray(zipped(list(entries.items())))
    # Rebuilt by hand: the entry's data is replaced and both headers keep claiming a tiny size.
    local = _local_record(data, name)
    old_size = struct.unpack_from("<I", data, local + 18)[0]
    data_start = local + 30 + sum(struct.unpack_from("<HH", data, local + 26))
    rebuilt = bytearray(data[:data_start] + compressed + data[data_start + old_size :])
    shift = len(compressed) - old_size
    struct.pack_into("<II", rebuilt, local + 18, len(compressed), 100)
    central_at = _central_record(rebuilt, name)
    struct.pack_into("<II", rebuilt, central_at + 20, len(compressed), 100)
    # Every record after the entry moved by ``shift``: their offsets and the directory's own.
    offset = rebuilt.index(ZIP_CENTRAL)
    while offset != -1:
        at = struct.unpack_from("<I", rebuilt, offset + 42)[0]
        if at > local:
            struct.pack_into("<I", rebuilt, offset + 42, at + shift)
        offset = rebuilt.find(ZIP_CENTRAL, offset + 4)
    end = rebuilt.rindex(b"PK\x05\x06")
    struct.pack_into("<I", rebuilt, end + 16, struct.unpack_from("<I", rebuilt, end + 16)[0] + shift)
    return bytes(rebuilt)


def pack_with_flag(flag: int) -> bytes:
    """A pack whose first case's entry has ``flag`` (0x1: encrypted) set in both headers."""
    data = bytearray(zipped(list(pack_entries().items())))
    name = _first_case(pack_entries())
    local, central = _local_record(data, name), _central_record(data, name)
    struct.pack_into("<H", data, local + 6, struct.unpack_from("<H", data, local + 6)[0] | flag)
    struct.pack_into("<H", data, central + 8, struct.unpack_from("<H", data, central + 8)[0] | flag)
    return bytes(data)


def pack_with_method(method: int) -> bytes:
    """A pack whose first case's entry names compression method ``method``."""
    data = bytearray(zipped(list(pack_entries().items())))
    name = _first_case(pack_entries())
    struct.pack_into("<H", data, _local_record(data, name) + 8, method)
    struct.pack_into("<H", data, _central_record(data, name) + 10, method)
    return bytes(data)


def pack_with_corrupt_entry() -> bytes:
    """A pack whose first case's compressed bytes are damaged in the middle."""
    data = bytearray(zipped(list(pack_entries().items())))
    name = _first_case(pack_entries())
    local = _local_record(data, name)
    start = local + 30 + sum(struct.unpack_from("<HH", data, local + 26))
    size = struct.unpack_from("<I", data, local + 18)[0]
    for index in range(start + size // 3, start + size // 3 + 16):
        data[index] ^= 0xFF
    return bytes(data)


def write(path: Path, content: bytes | str) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    return path
