from pathlib import Path

from recogniser.ui.drafts import Draft, discard_draft, draft_path, read_draft, write_draft
from recogniser.ui.settings import RECENT_LIMIT, AppSettings


def test_recent_cases_are_newest_first_without_repeats_and_capped(settings: AppSettings) -> None:
    for number in range(RECENT_LIMIT + 3):
        settings.remember_case(f"CASE-{number}")
    settings.remember_case("CASE-5")
    recent = settings.recent_cases()
    assert recent[0] == "CASE-5"
    assert len(recent) == RECENT_LIMIT
    assert len(set(recent)) == RECENT_LIMIT


def test_a_draft_round_trips_and_is_gone_once_discarded(user_folders: Path) -> None:
    write_draft(
        Draft({"format": "recogniser-case/1", "credential": {"title": "Σ ქართული"}}, reference="GE-1", version=2)
    )
    assert draft_path().is_relative_to(user_folders)
    restored = read_draft()
    assert restored == Draft({"format": "recogniser-case/1", "credential": {"title": "Σ ქართული"}}, "GE-1", 2)
    discard_draft()
    assert read_draft() is None


def test_a_damaged_draft_is_ignored_not_fatal() -> None:
    draft_path().parent.mkdir(parents=True)
    draft_path().write_text('{"format": "recogniser-draft/1", "docu', encoding="utf-8")
    assert read_draft() is None
