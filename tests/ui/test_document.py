from recogniser.model import Purpose
from recogniser.ui.document import differing_paths, field_of, new_document, value_at, with_value
from recogniser.ui.outcomes_field import outcome_lines


def test_setting_a_nested_field_creates_its_sections_and_leaves_the_original_alone() -> None:
    original = new_document("HR", Purpose.EMPLOYMENT)
    updated = with_value(original, "credential.workload.ects", 5)
    assert value_at(updated, "credential.workload.ects") == 5
    assert "credential" not in original


def test_blank_value_removes_the_key_and_the_sections_it_empties() -> None:
    document = with_value(new_document("HR"), "credential.workload.ects", 5)
    document = with_value(document, "credential.title", "Welding")
    cleared = with_value(document, "credential.workload.ects", "")
    assert cleared["credential"] == {"title": "Welding"}


def test_unknown_keys_survive_an_edit() -> None:
    document = dict(new_document("HR"), credential={"title": "A", "x-office-note": "keep me"})
    updated = with_value(document, "credential.title", "B")
    assert updated["credential"]["x-office-note"] == "keep me"


def test_new_case_without_an_office_country_leaves_it_for_the_evaluator() -> None:
    assert "assessing_country" not in new_document("")


def test_value_of_a_missing_path_is_none() -> None:
    assert value_at({"credential": "not an object"}, "credential.title") is None


def test_field_of_drops_list_positions() -> None:
    assert field_of("credential.learning_outcomes[3]") == "credential.learning_outcomes"


def test_pasted_outcomes_lose_bullets_numbering_and_blank_lines() -> None:
    pasted = "• Apply SOLAS\n\n2. Analyse incident reports\n- Plan drills\n1.5 ECTS of practice\n"
    assert outcome_lines(pasted) == ["Apply SOLAS", "Analyse incident reports", "Plan drills", "1.5 ECTS of practice"]


def test_the_paths_that_differ_go_down_sections_but_take_a_list_whole() -> None:
    mine = {"purpose": "admission", "credential": {"title": "Welding", "grade": "A", "outcomes": ["a", "b"]}}
    theirs = {"purpose": "admission", "credential": {"title": "Welding", "outcomes": ["b", "a"]}, "notes": "x"}
    assert differing_paths(mine, theirs) == ["credential.grade", "credential.outcomes", "notes"]
    assert differing_paths(mine, mine) == []
    assert differing_paths({"credential": "text"}, {"credential": {"title": "Welding"}}) == ["credential"]
