"""A seminar from files alone: pack -> three groups' responses -> comparison, and every way a file can be wrong."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from recogniser.cli import main
from recogniser.model import Outcome
from recogniser.schemas import schema_validator
from recogniser.seminar import (
    PackError,
    ResponseError,
    ResponseSource,
    Verdict,
    build_pack,
    build_response,
    compare,
    exercise_sources,
    fleiss_kappa,
    load_verdicts,
    open_pack,
    read_pack_bytes,
    read_responses,
    write_verdicts,
)

CASE_IDS = ("01-maritime-stacking", "05-corporate-provider", "08-level-not-supported")

#: Three groups' verdicts: (outcome, ECTS, justification) per case.
VERDICTS: dict[str, dict[str, tuple[str, float | None, str]]] = {
    "Group A": {
        "01-maritime-stacking": ("partial_recognition", 4, "Workload short by 2 ECTS."),
        "05-corporate-provider": ("alternative_recognition", 0, "Through RPL."),
        "08-level-not-supported": ("non_recognition", 0, "Outcomes are not at master's level."),
    },
    "Group B": {
        "01-maritime-stacking": ("partial_recognition", 4, "As the tool."),
        "05-corporate-provider": ("non_recognition", 0, "No quality assurance."),
        "08-level-not-supported": ("non_recognition", 0, "Level claim unsupported."),
    },
    "Группа В": {
        "01-maritime-stacking": ("full_recognition", 6, "All outcomes achieved; credits follow outcomes."),
        "05-corporate-provider": ("alternative_recognition", None, "RPL procedure sets the credits."),
        "08-level-not-supported": ("non_recognition", 0, "12 hours per credit."),
    },
}


@pytest.fixture
def seminar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """A pack of three exercises and one response per group, made through the command line."""
    cases = tmp_path / "cases"
    cases.mkdir()
    for source in exercise_sources():
        if source.id in CASE_IDS:
            (cases / f"{source.id}.json").write_text(json.dumps(dict(source.case.document)), "utf-8")
            (cases / f"{source.id}.md").write_text(source.notes or "", "utf-8")
    pack = tmp_path / "pack.zip"
    case_files = [str(cases / f"{case_id}.json") for case_id in CASE_IDS]
    assert main(["seminar", "pack", *case_files, "-o", str(pack), "--title", "Test", "--notes", str(cases)]) == 0
    files = {"pack": pack}
    for index, (group, verdicts) in enumerate(VERDICTS.items()):
        template = tmp_path / f"verdicts-{index}.json"
        assert main(["seminar", "template", str(pack), "-o", str(template), "--group", group]) == 0
        document = json.loads(template.read_text("utf-8"))
        for case_id, (outcome, ects, justification) in verdicts.items():
            document["verdicts"][case_id] = {"outcome": outcome, "ects": ects, "justification": justification}
        template.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
        response = tmp_path / f"response-{index}.json"
        assert main(["seminar", "respond", str(pack), "--verdicts", str(template), "-o", str(response)]) == 0
        files[group] = response
    capsys.readouterr()
    return files


def _compare_json(files: list[Path], pack: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    assert main(["seminar", "compare", str(pack), *map(str, files), "--json", *extra]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_three_groups_compared(seminar: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    responses = [seminar[group] for group in VERDICTS]
    result = _compare_json(responses, seminar["pack"], capsys)
    assert result["groups"] == list(VERDICTS)
    assert result["rejected"] == []
    schema_validator("seminar-comparison-1.schema.json").validate(result)
    cases = {case["case_id"]: case for case in result["cases"]}

    maritime = cases["01-maritime-stacking"]
    assert maritime["counts"]["partial_recognition"] == 2
    assert maritime["counts"]["full_recognition"] == 1
    assert maritime["modal_outcomes"] == ["partial_recognition"]
    assert maritime["agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert maritime["tool"]["outcome"] == "partial_recognition"
    assert maritime["tool_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert maritime["divergent_groups"] == ["Группа В"]
    assert [v["justification"] for v in maritime["verdicts"]][2] == "All outcomes achieved; credits follow outcomes."

    corporate = cases["05-corporate-provider"]
    assert corporate["tool"]["outcome"] == "alternative_recognition"
    assert corporate["tool_agreement"] == pytest.approx(2 / 3, abs=1e-4)
    assert corporate["divergent_groups"] == ["Group B"]
    assert {f["rule_id"] for f in corporate["tool_findings"]} >= {"lisbon.quality_difference"}

    level = cases["08-level-not-supported"]
    assert level["agreement"] == 1
    # The tool, like every group, refuses: the claimed level is contradicted by the outcomes.
    assert level["tool"]["outcome"] == "non_recognition"
    assert level["tool_agreement"] == 1

    # By hand: outcome totals full 1, alternative 2, partial 2, non 4 of 9 -> P_e = 25/81; per-case agreement
    # 1/3, 1/3, 1 -> P = 5/9; kappa = (5/9 - 25/81) / (1 - 25/81) = 5/14.
    assert result["fleiss_kappa"]["value"] == pytest.approx(5 / 14, abs=1e-4)
    assert "fair agreement" in result["fleiss_kappa"]["explanation"]
    assert result["mean_agreement"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3, abs=1e-4)
    assert result["tool_agreement"] == pytest.approx(7 / 9, abs=1e-4)


def test_readable_comparison(seminar: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["seminar", "compare", str(seminar["pack"]), *(str(seminar[g]) for g in VERDICTS)]) == 0
    out = capsys.readouterr().out
    assert "Groups compared (3): Group A, Group B, Группа В" in out
    assert "[05-corporate-provider]" in out
    assert "Tool: alternative recognition\n" in out
    assert "Where groups differ from the tool, its findings were:" in out
    assert "Fleiss' kappa over 3 cases and 3 groups: 0.36" in out


# --- responses that must be left out, each with its reason ---


def _edited(edit: Callable[[dict[str, Any]], None]) -> Callable[[Path, Path], None]:
    def apply(source: Path, target: Path) -> None:
        document = json.loads(source.read_text("utf-8"))
        edit(document)
        target.write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    return apply


def _raw(text: str) -> Callable[[Path, Path], None]:
    def apply(source: Path, target: Path) -> None:
        target.write_text(text, "utf-8")

    return apply


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = document
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return edit


MALFORMED = [
    ("not-json", _raw('{"format": "recogniser-seminar-response/1", "group": '), "malformed: not valid JSON"),
    ("a-list", _raw("[]"), "malformed: a seminar response is a JSON object, not a list"),
    ("other-format", _edited(_set("format", "recogniser-case/1")), "not a seminar response"),
    ("no-group", _edited(lambda d: d.pop("group")), "malformed: group is required here"),
    ("bad-outcome", _edited(_set("cases.0.outcome", "approved")), "malformed: cases[0].outcome: must be one of"),
    ("negative-ects", _edited(_set("cases.1.ects", -3)), "malformed: cases[1].ects: must be at least 0"),
    (
        "broken-decision",
        _edited(lambda d: d["cases"][2]["decision"].pop("recommendation")),
        "malformed: cases[2].decision: recommendation is required here",
    ),
]

MISMATCHED = [
    ("another-pack", _edited(_set("pack.pack_id", "other-seminar")), "answers pack 'other-seminar', not 'test"),
    ("another-revision", _edited(_set("pack.manifest_sha256", "0" * 64)), "answers another revision of pack"),
    ("other-tool", _edited(_set("tool_version", "0.0.9")), "made with Recogniser 0.0.9"),
    ("other-rulebook", _edited(_set("cases.0.decision.rulebook_version", "2025.9")), "judged with rulebook 2025.9"),
    ("case-missing", _edited(lambda d: d["cases"].pop(1)), "case '05-corporate-provider' is missing"),
    ("case-twice", _edited(lambda d: d["cases"].append(d["cases"][0])), "is answered 2 times"),
    (
        "foreign-case",
        _edited(_set("cases.0.case_id", "99-unknown")),
        "case '99-unknown' is not in the pack",
    ),
    ("edited-case", _edited(_set("cases.2.case_sha256", "f" * 64)), "answered for a different case file"),
]


@pytest.mark.parametrize("bad_response", MALFORMED + MISMATCHED, ids=[m[0] for m in MALFORMED + MISMATCHED])
def test_bad_response_is_left_out_with_its_reason(
    seminar: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bad_response: tuple[str, Callable[[Path, Path], None], str],
) -> None:
    name, make, reason = bad_response
    bad = tmp_path / f"{name}.json"
    make(seminar["Group B"], bad)
    result = _compare_json([seminar["Group A"], bad], seminar["pack"], capsys)
    assert result["groups"] == ["Group A"]
    schema_validator("seminar-comparison-1.schema.json").validate(result)
    [rejection] = result["rejected"]
    assert rejection["source"] == str(bad)
    assert any(reason in line for line in rejection["reasons"]), rejection["reasons"]
    # The kept group's numbers do not include the rejected one.
    assert all(case["groups"] == 1 for case in result["cases"])


def test_left_out_responses_are_reported_on_stderr(
    seminar: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pack = seminar["pack"]
    assert main(["seminar", "compare", str(pack), str(seminar["Group A"]), str(seminar["Group A"])]) == 0
    err = capsys.readouterr().err
    assert f"{seminar['Group A']} (Group A) left out: group 'Group A' already answered in" in err


def test_other_versions_can_be_accepted_with_a_warning(
    seminar: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "older.json"
    _edited(_set("tool_version", "0.0.9"))(seminar["Group B"], older)
    result = _compare_json([seminar["Group A"], older], seminar["pack"], capsys, "--allow-other-versions")
    assert result["groups"] == ["Group A", "Group B"]
    assert any("made with Recogniser 0.0.9; the pack was built with" in w for w in result["warnings"])


def test_nothing_to_compare_is_invalid_input(
    seminar: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("not json", "utf-8")
    assert main(["seminar", "compare", str(seminar["pack"]), str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.json left out: malformed: not valid JSON" in err
    assert "no response could be compared" in err


# --- responding ---


def test_respond_needs_a_verdict_for_every_case(
    seminar: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    verdicts = tmp_path / "partial.json"
    verdicts.write_text(
        json.dumps(
            {
                "format": "recogniser-seminar-verdicts/1",
                "group": "Late group",
                "verdicts": {
                    "01-maritime-stacking": {"outcome": "full_recognition", "ects": 6},
                    "02-unknown": {"outcome": "non_recognition"},
                },
            }
        ),
        "utf-8",
    )
    output = tmp_path / "response.json"
    code = main(["seminar", "respond", str(seminar["pack"]), "--verdicts", str(verdicts), "-o", str(output)])
    assert code == 2
    err = capsys.readouterr().err
    assert "no verdict for case '05-corporate-provider'" in err
    assert "verdict for '02-unknown', which is not a case of pack" in err
    assert not output.exists()


def test_outputs_are_not_replaced_without_force(seminar: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    before = seminar["pack"].read_bytes()
    assert main(["seminar", "exercises", "-o", str(seminar["pack"])]) == 2
    assert "already exists; give --force" in capsys.readouterr().err
    assert seminar["pack"].read_bytes() == before


def test_response_records_what_the_group_was_shown(seminar: dict[str, Path]) -> None:
    document = json.loads(seminar["Группа В"].read_text("utf-8"))
    pack = open_pack(seminar["pack"])
    assert document["format"] == "recogniser-seminar-response/1"
    assert document["group"] == "Группа В"
    assert document["pack"]["pack_id"] == pack.pack_id
    assert document["pack"]["manifest_sha256"] == pack.manifest_sha256
    first = document["cases"][0]
    assert (first["case_id"], first["outcome"], first["ects"]) == ("01-maritime-stacking", "full_recognition", 6)
    assert first["decision"]["format"] == "recogniser-decision/1"
    assert first["decision"]["case_sha256"] == first["case_sha256"] == pack.cases[0].sha256


# --- packs ---


def test_a_pack_is_reproducible_and_keeps_cases_and_notes() -> None:
    sources = exercise_sources()
    first, pack = build_pack(sources, title="Exercises")
    second, _ = build_pack(sources, title="Exercises")
    assert first == second
    assert pack.case_ids == tuple(source.id for source in sources)
    assert all(case.notes == source.notes for case, source in zip(pack.cases, sources, strict=True))
    assert pack.cases[1].case.credential.learner is not None
    assert pack.cases[1].case.credential.learner.name == "ნინო ბერიძე"
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "recogniser-seminar-pack/1"
    assert manifest["tool_version"] and manifest["rulebook_version"]
    assert [case["sha256"] for case in manifest["cases"]] == [case.sha256 for case in pack.cases]


def _repacked(data: bytes, change: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _replace_in(name: str, old: bytes, new: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(entries: dict[str, bytes]) -> None:
        entries[name] = entries[name].replace(old, new)

    return change


DAMAGED = [
    ("no-manifest", lambda e: e.pop("manifest.json"), "manifest.json is missing"),
    ("case-gone", lambda e: e.pop("cases/01-maritime-stacking.json"), "cases/01-maritime-stacking.json is listed"),
    (
        "case-edited",
        _replace_in("cases/01-maritime-stacking.json", b'"ects": 4', b'"ects": 6'),
        "cases/01-maritime-stacking.json: the case differs from the one the manifest lists",
    ),
    (
        "case-invalid",
        _replace_in("cases/01-maritime-stacking.json", b'"ects": 4', b'"ects": -4'),
        "cases/01-maritime-stacking.json: credential.workload.ects: must be at least 0",
    ),
    (
        "notes-edited",
        _replace_in("notes/05-corporate-provider.md", b"Norway", b"Sweden"),
        "notes/05-corporate-provider.md: the notes differ",
    ),
    (
        "newer-format",
        _replace_in("manifest.json", b"recogniser-seminar-pack/1", b"recogniser-seminar-pack/2"),
        "format is 'recogniser-seminar-pack/2'; this tool reads recogniser-seminar-pack/1",
    ),
    (
        "bad-hash",
        lambda e: e.__setitem__(
            "manifest.json", re.sub(rb'"sha256": "[0-9a-f]{8}', b'"sha256": "XYZ', e["manifest.json"], count=1)
        ),
        "manifest.json: cases[0].sha256: must be a SHA-256 hash as 64 lowercase hexadecimal digits",
    ),
]


@pytest.mark.parametrize(("name", "change", "reason"), DAMAGED, ids=[d[0] for d in DAMAGED])
def test_a_damaged_pack_is_refused_with_its_reason(
    name: str, change: Callable[[dict[str, bytes]], None], reason: str
) -> None:
    data, _ = build_pack([s for s in exercise_sources() if s.id in CASE_IDS], title="Test")
    with pytest.raises(PackError) as raised:
        read_pack_bytes(_repacked(data, change), source="pack.zip")
    assert any(reason in line for line in raised.value.lines()), raised.value.lines()


def test_a_file_that_is_not_a_pack_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_pack = tmp_path / "case.zip"
    not_a_pack.write_text("{}", "utf-8")
    assert main(["seminar", "show", str(not_a_pack)]) == 2
    assert f"{not_a_pack}: not a seminar pack (not a zip file)" in capsys.readouterr().err


def test_pack_cases_need_distinct_names(tmp_path: Path) -> None:
    [source] = [s for s in exercise_sources() if s.id == CASE_IDS[0]]
    with pytest.raises(PackError, match="is used twice"):
        build_pack([source, source], title="Twice")


# --- agreement beyond chance ---


def test_kappa_is_explained_when_it_cannot_be_given() -> None:
    assert fleiss_kappa([[1, 0], [0, 1]]).value is None
    assert "at least two groups" in fleiss_kappa([[1, 0], [0, 1]]).explanation
    assert "at least two cases" in fleiss_kappa([[2, 1]]).explanation
    unanimous = fleiss_kappa([[3, 0], [3, 0]])
    assert unanimous.value is None
    assert "every group chose the same outcome on every case" in unanimous.explanation


def test_kappa_extremes() -> None:
    assert fleiss_kappa([[3, 0], [0, 3]]).value == pytest.approx(1.0)
    # Two groups always split: observed agreement 0, below chance.
    split = fleiss_kappa([[1, 1], [1, 1]])
    assert split.value == pytest.approx(-1.0)
    assert "poor" in split.explanation


def test_compare_from_the_api(seminar: dict[str, Path]) -> None:
    pack = open_pack(seminar["pack"])
    comparison = compare(pack, read_responses([seminar[group] for group in VERDICTS]))
    maritime = comparison.cases[0]
    assert maritime.counts[Outcome.PARTIAL_RECOGNITION] == 2
    assert maritime.modal_outcomes == (Outcome.PARTIAL_RECOGNITION,)
    assert maritime.notes is not None and maritime.notes.startswith("# 01")


def test_show_and_assess_a_pack(seminar: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    pack = str(seminar["pack"])
    assert main(["seminar", "show", pack]) == 0
    out = capsys.readouterr().out
    assert "Test (pack test-" in out
    assert re.search(r"05-corporate-provider +credit_transfer +Certified Cloud Security Practitioner +\[notes\]", out)
    assert main(["seminar", "show", pack, "--notes"]) == 0
    assert "# 08 · A level the outcomes do not support" in capsys.readouterr().out
    assert main(["seminar", "assess", pack, "08-level-not-supported"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[08-level-not-supported]\nCase SEMINAR-08")
    assert "RECOMMENDATION: NON-RECOGNITION" in out
    assert "[01-maritime-stacking]" not in out
    assert main(["seminar", "assess", pack, "99-nothing"]) == 2
    assert "no case '99-nothing' in the pack" in capsys.readouterr().err


def test_pack_id_and_revision_can_be_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "one.json"
    [source] = [s for s in exercise_sources() if s.id == CASE_IDS[0]]
    case.write_text(json.dumps(dict(source.case.document)), "utf-8")
    pack = tmp_path / "pack.zip"
    arguments = ["seminar", "pack", str(case), "-o", str(pack), "--id", "autumn-2026", "--pack-version", "3"]
    assert main(arguments) == 0
    opened = open_pack(pack)
    assert (opened.pack_id, opened.version, opened.case_ids) == ("autumn-2026", 3, ("one",))
    assert main(["seminar", "pack", str(case), "-o", str(tmp_path / "x.zip"), "--id", "no spaces"]) == 2
    assert "pack id 'no spaces': use letters, digits" in capsys.readouterr().err


def test_work_in_progress_is_saved_and_reopened(seminar: dict[str, Path], tmp_path: Path) -> None:
    pack = open_pack(seminar["pack"])
    sheet = tmp_path / "sheet.json"
    given = {"05-corporate-provider": Verdict(Outcome.CONDITIONAL_RECOGNITION, 5, "After a university exam.")}
    write_verdicts(sheet, pack, "ჯგუფი", given)
    assert load_verdicts(sheet) == ("ჯგუფი", given)
    with pytest.raises(ResponseError, match="no verdict for case '01-maritime-stacking'"):
        build_response(pack, "ჯგუფი", given)


def test_a_tie_names_every_modal_outcome() -> None:
    [source] = [s for s in exercise_sources() if s.id == CASE_IDS[0]]
    _data, pack = build_pack([source], title="Tie")
    responses = [
        ResponseSource(group, build_response(pack, group, {source.id: Verdict(outcome, None, "")}))
        for group, outcome in (("A", Outcome.FULL_RECOGNITION), ("B", Outcome.NON_RECOGNITION))
    ]
    comparison = compare(pack, responses)
    [case] = comparison.cases
    assert case.modal_outcomes == (Outcome.FULL_RECOGNITION, Outcome.NON_RECOGNITION)
    assert case.agreement == 0.5
    assert "at least two cases" in comparison.kappa.explanation


def test_credits_are_refused_where_none_are_sought(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    employment = next(source for source in exercise_sources() if source.id == "06-vet-chamber-of-commerce")
    data, _pack = build_pack([employment], title="Employment")
    pack_file = tmp_path / "pack.zip"
    pack_file.write_bytes(data)
    verdicts = tmp_path / "verdicts.json"
    entry = {"outcome": "full_recognition", "ects": 5, "justification": "Relevant to the post."}
    document = {"format": "recogniser-seminar-verdicts/1", "group": "A", "verdicts": {employment.id: entry}}
    verdicts.write_text(json.dumps(document), "utf-8")
    output = tmp_path / "response.json"
    arguments = ["seminar", "respond", str(pack_file), "--verdicts", str(verdicts), "-o", str(output)]
    assert main(arguments) == 2
    assert capsys.readouterr().err == (
        "recogniser: verdicts: verdict for '06-vet-chamber-of-commerce': ects: no credits are sought in this case "
        "(employment); leave it null\n"
    )
    assert not output.exists()
    entry["ects"] = None
    verdicts.write_text(json.dumps(document), "utf-8")
    assert main(arguments) == 0


@pytest.mark.parametrize(
    ("bad_response", "french"),
    [
        (MISMATCHED[0], "répond au jeu d’exercices «\u00a0other-seminar\u00a0», pas à «\u00a0test"),
        (MALFORMED[3], "mal formé\u00a0: group est obligatoire ici"),
        (MISMATCHED[4], "le cas «\u00a005-corporate-provider\u00a0» manque"),
    ],
    ids=["another-pack", "no-group", "case-missing"],
)
def test_a_response_is_left_out_with_its_reason_in_french(
    seminar: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bad_response: tuple[str, Callable[[Path, Path], None], str],
    french: str,
) -> None:
    name, make, reason = bad_response
    bad = tmp_path / f"{name}.json"
    make(seminar["Group B"], bad)
    arguments = ["--language", "fr", "seminar", "compare", str(seminar["pack"]), str(seminar["Group A"]), str(bad)]
    assert main(arguments) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert " ".join(french.split()) in printed
    # The comparison's JSON keeps the English reason.
    [rejection] = _compare_json([seminar["Group A"], bad], seminar["pack"], capsys)["rejected"]
    assert any(reason in line for line in rejection["reasons"])
