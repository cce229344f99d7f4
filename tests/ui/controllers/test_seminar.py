"""The Seminar menu's workflow without a window: which pack is opened, built or saved, and what is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recogniser.seminar import Pack, build_exercise_pack, exercise_sources, open_pack, write_pack
from recogniser.ui.controllers.seminar import SeminarController
from recogniser.ui.translations import SOURCE_LANGUAGE, window_language

from ..conftest import ScriptedDialogs


@pytest.fixture
def controller(dialogs: ScriptedDialogs) -> SeminarController:
    return SeminarController(dialogs)


def opened_packs(controller: SeminarController) -> list[Pack]:
    packs: list[Pack] = []
    controller.pack_opened.connect(packs.append)
    return packs


def test_a_pack_is_opened_only_once_it_is_read_and_checked(
    controller: SeminarController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    packs = opened_packs(controller)
    not_a_pack = tmp_path / "case.zip"
    not_a_pack.write_text("{}", "utf-8")
    pack_file = tmp_path / "exercises.zip"
    write_pack(pack_file, build_exercise_pack()[0])
    dialogs.paths.extend([None, str(not_a_pack), str(pack_file)])

    controller.open_pack_dialog()  # the chooser cancelled
    controller.open_pack_dialog()
    assert packs == []
    (shown,) = dialogs.shown
    assert shown[:2] == ("error", "Cannot open the seminar pack")
    assert "not a seminar pack (not a zip file)" in shown[2]

    controller.open_pack_dialog()
    assert [pack.pack_id for pack in packs] == [open_pack(pack_file).pack_id]
    assert dialogs.unexpected == []


def test_the_exercise_pack_is_saved_where_chosen_then_opened(
    controller: SeminarController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    packs = opened_packs(controller)
    blocked = tmp_path / "a-file"
    blocked.write_text("", "utf-8")
    dialogs.paths.extend([None, str(blocked / "exercises.zip"), str(tmp_path / "exercises.zip")])

    controller.save_exercise_pack_dialog()  # no place chosen: nothing written
    controller.save_exercise_pack_dialog()  # a folder that cannot exist
    assert packs == []
    assert [(kind, title) for kind, title, _text in dialogs.shown] == [("error", "Cannot save the pack")]
    assert not (blocked / "exercises.zip").exists()

    controller.save_exercise_pack_dialog()
    (pack,) = packs
    assert len(pack.cases) == 9
    assert open_pack(tmp_path / "exercises.zip").pack_id == pack.pack_id


def test_a_pack_is_built_from_case_files_with_the_notes_beside_them(
    controller: SeminarController, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    packs = opened_packs(controller)
    case = tmp_path / "ship-stability.json"
    case.write_text(json.dumps(dict(build_exercise_pack()[1].cases[0].case.document)), "utf-8")
    (tmp_path / "ship-stability.md").write_text("# Notes for the facilitator", "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")

    dialogs.path_lists.extend([[str(case)], [str(broken)], [str(case)]])
    dialogs.text_answers.extend([None, "Broken", "Autumn seminar"])
    controller.new_pack_dialog()  # the title question cancelled: nothing built, no place asked for
    controller.new_pack_dialog()
    assert packs == []
    kind, title, text = dialogs.shown[-1]
    assert (kind, title) == ("error", "Cannot build the pack")
    assert "broken.json" in text

    dialogs.paths.append(str(tmp_path / "own.zip"))
    controller.new_pack_dialog()
    (pack,) = packs
    assert (pack.title, pack.case_ids) == ("Autumn seminar", ("ship-stability",))
    assert pack.cases[0].notes == "# Notes for the facilitator"
    assert dialogs.unexpected == []


def test_in_a_french_window_the_packs_take_the_french_notes(
    controller: SeminarController, dialogs: ScriptedDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    packs = opened_packs(controller)
    case = tmp_path / "ship-stability.json"
    case.write_text(json.dumps(dict(build_exercise_pack()[1].cases[0].case.document)), "utf-8")
    (tmp_path / "ship-stability.md").write_text("# Notes for the facilitator", "utf-8")
    (tmp_path / "ship-stability.fr.md").write_text("# Notes pour l’animateur", "utf-8")
    dialogs.paths.extend([str(tmp_path / "exercices.zip"), str(tmp_path / "own.zip")])
    dialogs.path_lists.append([str(case)])
    dialogs.text_answers.append("Séminaire d’automne")
    assert window_language.install("fr")
    try:
        controller.save_exercise_pack_dialog()
        controller.new_pack_dialog()
    finally:
        window_language.install(SOURCE_LANGUAGE)
    exercises, own = packs
    french = exercise_sources(language="fr")
    assert [case.notes for case in exercises.cases] == [source.notes for source in french]
    assert exercises.cases[0].notes != exercise_sources(language="en")[0].notes
    assert own.cases[0].notes == "# Notes pour l’animateur"
    assert dialogs.unexpected == []
