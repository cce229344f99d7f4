"""What leaves the app: the open case's PDF report (previewed, then saved) and case file, and the office's register."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from recogniser.casefile import dumps_case
from recogniser.errors import failed_on
from recogniser.files import StagedFile, write_bytes_atomically, write_text_atomically
from recogniser.i18n import shown
from recogniser.settings import settings_file
from recogniser.ui.controllers.base import CASE_FILE_FILTER, Controller
from recogniser.ui.controllers.office import Office
from recogniser.ui.controllers.open_case import OpenCase
from recogniser.ui.controllers.saving import Form
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.session import Assessment
from recogniser.ui.tasks import TaskRunner
from recogniser.ui.translations import translate as _tr

if TYPE_CHECKING:
    from recogniser.report import ReportSettings
    from recogniser.store import CaseStore


class Exports(Controller):
    """``report_ready`` carries a rendered report's PDF and the name it is saved under, for the preview."""

    report_ready = Signal(bytes, str)

    def __init__(self, case: OpenCase, form: Form, office: Office, parent: QObject | None = None) -> None:
        super().__init__(office.dialogs, parent)
        self.case = case
        self.form = form
        self.office = office

    def assessed_or_explain(self, action: str) -> Assessment | None:
        """The current assessment when the case can be read; otherwise say which fields stop ``action``."""
        session = self.case.session
        session.assess_now()
        assessment = session.assessment
        if assessment.complete:
            return assessment
        self.form.show_every_problem()
        problems = "\n".join(self.form.describe_problem(p) for p in assessment.problems)
        self.dialogs.error(
            self.window,
            action,
            self.tr("Fix these fields first:\n{problems}").format(problems=problems)
            if problems
            else assessment.failure or self.tr("There is no case to use."),
        )
        return None

    def report_settings(self) -> Callable[[], ReportSettings]:
        """Who the report is from, as the office settings say; the logo is checked off the UI thread, by the
        returned function."""
        office = self.office.settings

        def checked() -> ReportSettings:
            from recogniser.report.settings import report_settings

            return report_settings(office, settings_file())

        return checked

    def export_report(self) -> None:
        """Render the PDF report off the UI thread (Ctrl+E); ``report_ready`` brings it to the preview."""
        if not self.case.has_case:
            return
        assessment = self.assessed_or_explain(self.tr("Cannot write the report yet"))
        if assessment is None or assessment.case is None or assessment.decision is None:
            return
        case, decision, report_settings = assessment.case, assessment.decision, self.report_settings()
        store, reference = self.office.store, self.case.reference
        name = decision.reference or self.case.name()

        def render() -> bytes:
            from recogniser.report import render_report
            from recogniser.report.render import ORIGINAL_DESCRIPTION, Attachment

            # A stored case's report shows the decision recorded on this text in the evaluator's block.
            recorded = store.decisions_for(reference) if store is not None and reference is not None else []
            kept = store.originals(reference) if store is not None and reference is not None else []
            files = [Attachment(name, data, ORIGINAL_DESCRIPTION, "application/octet-stream") for name, data in kept]
            if case.stacked:  # each credential's file, named in its own section
                return render_report(case, decision, report_settings(), recorded=recorded, originals=files)
            original = files[0] if files else None
            return render_report(case, decision, report_settings(), recorded=recorded, original=original)

        self.message.emit(self.tr("Writing the report…"), 0)
        self.office.tasks.run(self.tr("Writing the report"), render, lambda pdf: self.report_ready.emit(pdf, name))

    def save_report(self, pdf: bytes, name: str, preview: QWidget | None, then: Callable[[], object]) -> None:
        """Ask where to save the report shown in ``preview`` and write it there; ``then`` runs once it is written."""
        path = self.dialogs.save_path(
            preview or self.window, self.tr("Save the report"), f"{file_name(name)}.pdf", self.tr("PDF files (*.pdf)")
        )
        if not path:
            return

        def saved(_nothing: None) -> None:
            self.message.emit(self.tr("Report saved to {path}").format(path=path), 8000)
            then()

        self.office.tasks.run(self.tr("Saving the report"), lambda: write_bytes_atomically(path, pdf), saved)

    def export_case_file_dialog(self) -> None:
        suggested = f"{file_name(self.case.name())}.json"
        path = self.dialogs.save_path(self.window, self.tr("Export the case file"), suggested, _tr(CASE_FILE_FILTER))
        if path:
            self.export_case_file(Path(path))

    def export_case_file(self, path: Path) -> bool:
        """Write the case as a ``recogniser-case/1`` file as it stands, problems and all: it is the evaluator's
        work, and reading the file back names what is still wrong."""
        try:
            write_text_atomically(path, dumps_case(self.case.session.document))
        except OSError as error:
            self.dialogs.error(self.window, self.tr("Cannot write the case file"), shown(failed_on(path, error)))
            return False
        self.message.emit(self.tr("Exported {path}").format(path=path), 5000)
        return True


#: What a file name may not hold on one of the systems evaluators use (Windows is the strictest), and control
#: characters.
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(name: str) -> str:
    """``name`` (a case's title or reference) fit to suggest as a file name on any system."""
    cleaned = " ".join(_NOT_IN_FILE_NAMES.sub("-", name).split()).strip(" .")
    return cleaned or "case"


class RegisterExport(Controller):
    """The register of a period's final decisions, without the learners' personal data, written to a file the
    evaluator chooses (``recogniser.register``); ``exported`` carries how many decisions and the path."""

    exported = Signal(int, str)

    def __init__(self, store: CaseStore, tasks: TaskRunner, dialogs: Dialogs, parent: QObject | None = None) -> None:
        super().__init__(dialogs, parent)
        self.store = store
        self.tasks = tasks

    def export(self, kind: str, first: date | None, last: date | None) -> None:
        """Ask where, then write the decisions recorded from ``first`` to ``last`` (either open) as ``kind``,
        csv or json, staged so that a failure leaves no half-written register behind."""
        filters = self.tr("CSV table (*.csv)") if kind == "csv" else self.tr("JSON document (*.json)")
        path = self.dialogs.save_path(
            self.window, self.tr("Export the register"), period_file_name("register", first, last, kind), filters
        )
        if path is None:
            return
        store = self.store

        def work() -> int:
            with StagedFile(path) as output:
                count = output.write_text(lambda stream: store.export_register(stream, kind, first, last))
                output.commit()
            return count

        self.tasks.run(self.tr("Exporting the register"), work, lambda count: self.exported.emit(count, path))


def period_file_name(what: str, first: date | None, last: date | None, suffix: str) -> str:
    """The file name suggested for the office's ``what`` (statistics, register) over a period, either end open."""
    span = "-".join(str(day) for day in (first, last) if day is not None) or "all"
    return f"recognition-{what}-{span}.{suffix}"
