"""``recogniser cases``: add, list, show, compare with the office's earlier cases and export stored cases."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from recogniser.commands.parsers import MAX_LIMIT
from recogniser.errors import UserInputError, located
from recogniser.i18n import N_, _, phrase, say, shown, translate
from recogniser.joining import grouped, quoted
from recogniser.model import Outcome, Purpose, plain_number
from recogniser.terminal import one_line

if TYPE_CHECKING:
    from recogniser.precedents import Precedent
    from recogniser.store import CaseStore, CaseSummary, StoredCase, StoredDecision

# The list's columns: heading, width (the last one takes what is left). The purpose, status and outcome are
# shown as the codes --purpose, --status and --outcome take, in every language.
_COLUMNS = (
    (N_("REFERENCE"), 20),
    (N_("LEARNER"), 24),
    (N_("TITLE"), 32),
    (N_("PURPOSE"), 15),
    (N_("STATUS"), 8),
    (N_("OUTCOME"), 0),
)


def open_store(options: argparse.Namespace) -> CaseStore:
    """The store the command line names (``--database-url``), migrated; imported late to keep start-up quick."""
    from recogniser.store import CaseStore

    return CaseStore.open(options.database_url)


def _add(options: argparse.Namespace) -> int:
    from recogniser.casefile import load_case

    cases = [load_case(path) for path in options.files]
    with open_store(options) as store:
        added = store.add_cases(cases)
    for path, stored in zip(options.files, added, strict=True):
        print(say("added {reference} ({path})", reference=stored.reference, path=str(path)))
    return 0


def _list(options: argparse.Namespace) -> int:
    from recogniser.store import CaseQuery, CaseStatus

    query = CaseQuery(
        search=options.search,
        purpose=Purpose(options.purpose) if options.purpose else None,
        outcome=Outcome(options.outcome) if options.outcome else None,
        status=CaseStatus(options.status) if options.status else None,
        issuer_country=options.country,
    )
    limit = _limit(options.limit)
    with open_store(options) as store:
        page = store.page_cases(query, limit=limit)
    summaries, total = page.cases, page.total or 0
    if options.json:
        print(json.dumps({"total": total, "cases": [s.to_json() for s in summaries]}, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        if total == 0:
            print(_("no cases"))
        else:
            print(say("{total} cases; none shown (--limit {limit})", total=total, limit=options.limit))
        return 0
    print(_row([translate(heading) for heading, _width in _COLUMNS]))
    for summary in summaries:
        print(_row(_cells(summary)))
    if total > len(summaries):
        print(say("({shown} of {total} cases shown; use --limit or --search)", shown=len(summaries), total=total))
    return 0


def _limit(text: str) -> int:
    try:
        limit = int(text)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        problem = phrase(
            "must be a whole number from 1 to {limit} (got {value})", limit=grouped(MAX_LIMIT), value=quoted(text)
        )
        raise UserInputError(located("--limit", problem))
    return limit


def _cells(summary: CaseSummary) -> list[str]:
    return [
        summary.reference,
        summary.learner or "",
        summary.listed_title,
        summary.purpose.value,
        summary.status.value,
        summary.outcome.value if summary.outcome else "",
    ]


def _row(cells: list[str]) -> str:
    parts = []
    for (_heading, width), cell in zip(_COLUMNS, map(one_line, cells), strict=True):
        if width:
            cut = cell if len(cell) <= width else cell[: width - 1] + "…"
            parts.append(cut.ljust(width))
        else:
            parts.append(cell)
    return "  ".join(parts).rstrip()


def _show(options: argparse.Namespace) -> int:
    from recogniser.vocabulary import purpose_words, words  # the vocabulary's labels, not needed by a listing

    with open_store(options) as store:
        stored = store.get_case(options.reference)
        decisions = store.decisions_for(options.reference)
    if options.json:
        print(json.dumps(_case_json(stored, decisions), ensure_ascii=False, indent=2))
        return 0
    credential = stored.case.credential
    learner = credential.learner.name if credential.learner else None
    body = credential.awarding_body.name if credential.awarding_body else None
    procedure = stored.case.procedure
    # The procedure's dates only where the case states them: most cases were kept before they were asked for.
    dates = [
        (label, day.isoformat())
        for label, day in [(_("file received"), procedure.received_on), (_("file complete"), procedure.complete_on)]
        if day is not None
    ]
    for label, value in [
        (_("reference"), stored.reference),
        (_("learner"), learner),
        (_("title"), credential.title),
        (_("awarding body"), body),
        (_("issuer country"), credential.issuer_country),
        (_("purpose"), purpose_words(stored.case.purpose)),
        *dates,
        (_("status"), stored.status.value),
        (_("outcome"), shown(words(stored.outcome)) if stored.outcome else None),
        (_("version"), str(stored.version)),
        (_("added"), stored.created_at.isoformat(timespec="seconds")),
        (_("changed"), stored.updated_at.isoformat(timespec="seconds")),
        (_("case SHA-256"), stored.case_sha256),
    ]:
        _field(label, one_line(value) if value else "-")
    if stored.case.stacked:
        _field(_("credentials"), say("{count} (a stack)", count=len(stored.case.credentials)))
        for number, each in enumerate(stored.case.credentials, 1):
            print(f"  {number}. {one_line(each.title) if each.title else _('(untitled)')}")
    _field(_("decisions"), str(len(decisions)) if decisions else _("none yet"))
    for decision in decisions:
        print("  " + _decision_line(decision, stored.case_sha256))
        if decision.justification:
            _justification(decision.justification)
        if decision.divergence_reason:
            reason = one_line(decision.divergence_reason)
            print("    " + say("reason for departing from precedent: {text}", text=reason))
    return 0


def _field(label: str, value: str) -> None:
    # A label longer than the column (in French, say) still leaves a space before its value.
    print(f"{label + ':':15} {value}")


def _justification(text: str) -> None:
    print("    " + say("justification: {text}", text=one_line(text)))  # a line break in it must not fake a line


def _decision_line(decision: StoredDecision, current_sha256: str) -> str:
    outcome = _with_credits(decision.recommended_outcome, decision.decision.recommendation.credits_shown)
    if decision.final_outcome is not None:
        decided = _with_credits(decision.final_outcome, decision.final_ects)
        outcome = say("recommended {recommended}; decided {decided}", recommended=outcome, decided=decided)
    notes = [say("rulebook {version}", version=decision.rulebook_version)]
    if decision.repeat_of is not None:
        notes.append(say("same case text as #{number}", number=str(decision.repeat_of)))
    if decision.case_sha256 != current_sha256:
        notes.append(_("on an earlier text of the case"))
    when = decision.recorded_at.isoformat(timespec="seconds")
    return say(
        "#{number} {when} by {who}: {outcome} ({notes})",
        number=str(decision.id),
        when=when,
        who=decision.decided_by,
        outcome=outcome,
        notes="; ".join(notes),
    )


def _with_credits(outcome: Outcome, ects: float | None) -> str:
    from recogniser.vocabulary import with_credits  # the vocabulary's labels, not needed by a listing

    return shown(with_credits(outcome, ects))


def _case_json(stored: StoredCase, decisions: list[StoredDecision]) -> dict[str, Any]:
    return {
        "reference": stored.reference,
        "version": stored.version,
        "status": stored.status.value,
        "outcome": stored.outcome.value if stored.outcome else None,
        "case_sha256": stored.case_sha256,
        "created_at": stored.created_at.isoformat(),
        "updated_at": stored.updated_at.isoformat(),
        "case": stored.case.document,
        "decisions": [decision.to_json() for decision in decisions],
    }


def _similar(options: argparse.Namespace) -> int:
    from recogniser.precedents import divergence

    with open_store(options) as store:
        stored = store.get_case(options.reference)
        found = store.similar_cases(stored.case)
        final = [decision for decision in store.decisions_for(stored.reference) if decision.final_outcome is not None]
    # A decided case is weighed against the decisions recorded before its own latest one, as it was when decided.
    latest = final[-1] if final else None
    departs = (
        None
        if latest is None or latest.final_outcome is None
        else divergence(
            latest.final_outcome, latest.final_ects, [p for p in found if p.decided_at < latest.recorded_at]
        )
    )
    if options.json:
        note = None
        if departs is not None:
            note = {
                "outcome": departs.outcome.value,
                "ects": plain_number(departs.ects),
                "departs_from": [p.reference for p in departs.departs_from],
                "divergence_reason": None if latest is None else latest.divergence_reason,
            }
        similar = [p.to_json() for p in found]
        print(json.dumps({"reference": stored.reference, "similar": similar, "departs_from_precedent": note}, indent=2))
        return 0
    if not found:
        print(say("no other decided case is like {reference}", reference=stored.reference))
        return 0
    for precedent in found:
        print(_precedent_line(precedent))
        if precedent.justification:
            _justification(precedent.justification)
        if precedent.divergence_reason:
            print(say("  reason for departing from precedent: {reason}", reason=one_line(precedent.divergence_reason)))
    if departs is not None:
        print(
            say(
                "note: {reference}'s latest decision {departure}",
                reference=stored.reference,
                departure=shown(departs.describe()),
            )
        )
    return 0


def _precedent_line(precedent: Precedent) -> str:
    from recogniser.vocabulary import agreement_words  # the vocabulary's labels, not needed by a listing

    kind = _("equivalent") if precedent.equivalent else say("similar {score}", score=precedent.likeness.score)
    shares = agreement_words(precedent.likeness.agreements())
    return say(
        "{reference} ({kind}; same {shares}): {title}, {body} — {outcome} on {when} by {who}",
        reference=precedent.reference,
        kind=kind,
        shares=shares or _("nothing stated"),
        title=precedent.profile.title or _("untitled"),
        body=precedent.profile.awarding_body or _("awarding body not given"),
        outcome=_with_credits(precedent.outcome, precedent.ects),
        when=precedent.decided_at.date(),
        who=precedent.decided_by,
    )


def _export(options: argparse.Namespace) -> int:
    from recogniser.files import writable_output

    # Checked before the database is opened: a case file may be someone's work.
    writable_output(options.output, force=options.force)
    with open_store(options) as store:
        store.export_case(options.reference, options.output)
    print(say("wrote {reference} to {path}", reference=options.reference, path=str(options.output)))
    return 0
