"""The case form, grouped as an evaluator reads a file: purpose and target, the case's credentials (one, or a
stack listed above the form, which edits the chosen one), then the credential's Annex I elements in their order
(EU Council Recommendation 2022/C 243/02, Annex I), mandatory ones marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from recogniser.agency_file import default_agencies
from recogniser.case_checks import Problem
from recogniser.frameworks import default_frameworks
from recogniser.i18n import shown
from recogniser.model import AssessmentType, Participation, ProviderKind, Purpose, QADecision
from recogniser.ui.agency_field import AgencyField
from recogniser.ui.authenticity import AuthenticityBanner
from recogniser.ui.credential_list import Confirm, CredentialList
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.document import credential_items, credential_name, field_of, form_path, stack_position
from recogniser.ui.field_slot import FieldSlot, field_row, form_section, place_labels, slot_for
from recogniser.ui.fields import (
    ChoiceField,
    CodeField,
    DateField,
    Field,
    FlagField,
    MultilineField,
    NumberField,
    TextField,
    choose_level_by_number,
)
from recogniser.ui.level_field import LevelField
from recogniser.ui.look import ERROR_COLOUR, SECONDARY_TEXT_COLOUR
from recogniser.ui.outcomes_field import OutcomesField
from recogniser.ui.session import STACK, CaseSession
from recogniser.ui.translations import labelled
from recogniser.vocabulary import (
    assessment_type_label,
    participation_label,
    provider_kind_label,
    purpose_label,
    qa_decision_label,
)

#: The narrowest the editor pane goes in the window (pixels): enough for a label and a field side by side.
MINIMUM_WIDTH = 360

#: A whole section the format requires (the target, for admission and credit transfer) is filled in from here.
_SECTION_ENTRY = {"target": "target.eqf_level"}


class CaseEditor(QScrollArea):
    """Every field of the case, bound to the session; problems from the case reader appear beside their field. A
    stack's credentials are listed above the credential's section, which edits the chosen one."""

    def __init__(self, session: CaseSession, parent: QWidget | None = None, confirm: Confirm | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: Asks before a credential that holds anything is removed (the window's dialogs; a message box here).
        self.confirm: Confirm = confirm or (lambda *question: Dialogs().confirm(self, *question))
        self.slots: dict[str, FieldSlot] = {}
        self._captions: list[QLabel] = []
        self._forms: list[QFormLayout] = []
        self._labels_above = False
        # A blank new case is not told what it lacks before the evaluator has had a chance to fill it in: a
        # missing value is shown once its field has been visited, or everywhere once a save is tried.
        self._holding_back = False
        self._visited: set[str] = set()
        self.setWidgetResizable(True)
        # The form reflows down to its fields' minimum widths; narrower than that, it scrolls sideways rather
        # than cutting fields off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.setAccessibleName(self.tr("Case editor"))
        body = QWidget()
        body.setObjectName("caseEditorBody")
        self._layout = QVBoxLayout(body)
        self._layout.setSpacing(10)
        self.banner = QLabel()
        self.banner.setObjectName("caseProblems")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.banner.hide()
        self.authenticity = AuthenticityBanner()
        self._layout.addWidget(self.authenticity)
        self._layout.addWidget(self.banner)
        self._build()
        # The sections are separate forms; one label width lines their fields up.
        label_width = max(caption.sizeHint().width() for caption in self._captions)
        for caption in self._captions:
            caption.setMinimumWidth(label_width)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        legend = QLabel(
            self.tr("<span style='color:{colour}'>*</span> mandatory element of EU Annex I").format(colour=ERROR_COLOUR)
        )
        legend.setStyleSheet(f"color: {SECONDARY_TEXT_COLOUR};")
        self._layout.addWidget(legend)
        self._layout.addStretch(1)
        self.setWidget(body)
        # How wide the form must be to hold every label beside its fields, in the fonts this system has.
        self._side_by_side_width = body.minimumSizeHint().width()
        session.fields_changed.connect(self.refresh)
        session.fields_changed.connect(self._loaded)
        session.assessed.connect(self.show_problems)
        session.credential_chosen.connect(self._credential_chosen)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # --- building the form ---

    def _build(self) -> None:
        s = self.session
        unknown_yes_no: list[tuple[str, Any]] = [
            (self.tr("Unknown"), None),
            (self.tr("Yes"), True),
            (self.tr("No"), False),
        ]
        eqf_levels: list[tuple[str, Any]] = [(self.tr("—"), None)] + [
            (self.tr("EQF {level}").format(level=level), level) for level in range(1, 9)
        ]

        purpose = self._section(self.tr("Purpose and target"))
        self._row(
            purpose,
            self.tr("Reference"),
            TextField(s, "reference", self.tr("Reference"), self.tr("assigned when the case is saved")),
        )
        self._row(
            purpose,
            self.tr("Purpose"),
            ChoiceField(s, "purpose", self.tr("Purpose"), [(purpose_label(p), p.value) for p in Purpose]),
        )
        self._row(
            purpose,
            self.tr("Assessing country"),
            CodeField(s, "assessing_country", self.tr("Assessing country"), 2, self.tr("e.g. HR")),
        )
        self._row(
            purpose,
            self.tr("Applicant"),
            FlagField(s, "applicant.refugee", self.tr("Refugee or displaced person (LRC VII)")),
        )
        self._row(purpose, "", FlagField(s, "applicant.documents_missing", self.tr("Documents missing")))
        # The four months for a decision run from a complete file (Revised Recommendation 2010).
        self._row(
            purpose,
            self.tr("File received and complete"),
            DateField(s, "procedure.received_on", self.tr("File received on"), self.tr("YYYY-MM-DD")),
            DateField(s, "procedure.complete_on", self.tr("File complete on"), self.tr("YYYY-MM-DD")),
            captions=(self.tr("Received on"), self.tr("Complete on")),
        )
        self._row(
            purpose,
            self.tr("Programme or component"),
            TextField(s, "target.title", self.tr("Target programme or component")),
        )
        self._row(purpose, self.tr("Institution"), TextField(s, "target.institution", self.tr("Target institution")))
        target_level = ChoiceField(s, "target.eqf_level", self.tr("Target EQF level"), eqf_levels)
        choose_level_by_number(target_level.combo)
        self._row(
            purpose,
            self.tr("Level and credits sought"),
            target_level,
            NumberField(s, "target.ects", self.tr("ECTS sought"), self.tr("ECTS")),
            captions=(self.tr("EQF level"), self.tr("ECTS sought")),
        )
        self._row(
            purpose,
            self.tr("Programme credits"),
            NumberField(s, "target.programme_ects", self.tr("Credits of the whole programme"), self.tr("ECTS")),
        )
        self._row(
            purpose,
            self.tr("Target learning outcomes"),
            OutcomesField(s, "target.learning_outcomes", self.tr("Target learning outcomes")),
        )

        # The case's credentials: one, or several assessed together (a stack), the chosen one edited below.
        self.credentials = CredentialList(s, self.confirm)
        self._layout.addWidget(self.credentials)
        credential = self._section(self.tr("Credential"))
        box = credential.parentWidget()
        assert isinstance(box, QGroupBox)
        self.credential_box = box
        self._row(
            credential,
            self.tr("Learner"),
            TextField(s, "credential.learner.name", self.tr("Learner name"), self.tr("name")),
            TextField(s, "credential.learner.identifier", self.tr("Learner identifier"), self.tr("identifier")),
            DateField(s, "credential.learner.date_of_birth", self.tr("Learner date of birth"), self.tr("YYYY-MM-DD")),
            number=1,
            mandatory=True,
            captions=(self.tr("Name"), self.tr("Identifier"), self.tr("Date of birth")),
        )
        self._row(
            credential,
            self.tr("Title"),
            TextField(s, "credential.title", self.tr("Credential title")),
            number=2,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Country of the issuer"),
            CodeField(s, "credential.issuer_country", self.tr("Country of the issuer"), 2, self.tr("e.g. IE")),
            number=3,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Awarding body"),
            TextField(s, "credential.awarding_body.name", self.tr("Awarding body")),
            number=4,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Body's country and kind"),
            CodeField(s, "credential.awarding_body.country", self.tr("Awarding body country"), 2, self.tr("e.g. IE")),
            ChoiceField(
                s,
                "credential.awarding_body.kind",
                self.tr("Kind of awarding body"),
                [(self.tr("—"), None)] + [(provider_kind_label(k), k.value) for k in ProviderKind],
            ),
        )
        self._row(
            credential,
            self.tr("Date of issuing"),
            DateField(s, "credential.issue_date", self.tr("Date of issuing"), self.tr("YYYY-MM-DD")),
            number=5,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Learning outcomes"),
            OutcomesField(s, "credential.learning_outcomes", self.tr("Credential learning outcomes")),
            number=6,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Notional workload"),
            NumberField(s, "credential.workload.ects", self.tr("Workload in ECTS"), self.tr("ECTS")),
            NumberField(s, "credential.workload.hours", self.tr("Workload in hours"), self.tr("hours")),
            number=7,
            mandatory=True,
            captions=(self.tr("ECTS"), self.tr("Hours")),
        )
        self._row(
            credential, self.tr("Level"), LevelField(s, self.tr("Level"), default_frameworks), number=8, mandatory=True
        )
        self._row(
            credential,
            self.tr("Type of assessment"),
            ChoiceField(
                s,
                "credential.assessment.type",
                self.tr("Type of assessment"),
                [(self.tr("—"), None)] + [(assessment_type_label(a), a.value) for a in AssessmentType],
            ),
            number=9,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Form of participation"),
            ChoiceField(
                s,
                "credential.participation",
                self.tr("Form of participation"),
                [(self.tr("—"), None)] + [(participation_label(p), p.value) for p in Participation],
            ),
            number=10,
            mandatory=True,
        )
        self._row(
            credential,
            self.tr("Quality assurance"),
            ChoiceField(
                s, "credential.quality_assurance.internal", self.tr("Internal quality assurance"), unknown_yes_no
            ),
            AgencyField(
                s, "credential.quality_assurance.external_agency", self.tr("External QA agency"), default_agencies
            ),
            number=11,
            mandatory=True,
            captions=(self.tr("Internal QA"), self.tr("External QA agency")),
        )
        self._row(
            credential,
            self.tr("External QA decision"),
            ChoiceField(
                s,
                "credential.quality_assurance.decision",
                self.tr("External QA decision"),
                [(self.tr("—"), None)] + [(qa_decision_label(d), d.value) for d in QADecision],
            ),
            DateField(
                s, "credential.quality_assurance.valid_until", self.tr("QA decision valid until"), self.tr("YYYY-MM-DD")
            ),
            captions=(self.tr("Decision"), self.tr("Valid until")),
        )

        optional = self._section(self.tr("Optional elements"))
        self._row(
            optional,
            self.tr("Prerequisites"),
            MultilineField(s, "credential.prerequisites", self.tr("Prerequisites")),
            number=12,
        )
        self._row(
            optional,
            self.tr("Supervision and identity"),
            ChoiceField(s, "credential.assessment.supervised", self.tr("Assessment supervised"), unknown_yes_no),
            ChoiceField(s, "credential.assessment.identity_verified", self.tr("Identity verified"), unknown_yes_no),
            number=13,
            captions=(self.tr("Supervised"), self.tr("Identity verified")),
        )
        self._row(optional, self.tr("Grade"), TextField(s, "credential.grade", self.tr("Grade")), number=14)
        self._row(
            optional,
            self.tr("Integration and stacking"),
            TextField(
                s,
                "credential.stackability",
                self.tr("Integration and stacking"),
                self.tr("stand-alone, or counts towards…"),
            ),
            number=15,
        )
        self._row(
            optional,
            self.tr("Further information"),
            MultilineField(s, "credential.further_information", self.tr("Further information")),
            number=16,
        )
        self._row(
            optional,
            self.tr("Language"),
            TextField(s, "credential.language", self.tr("Language of the credential"), self.tr("e.g. en")),
        )

    def _section(self, title: str) -> QFormLayout:
        box, form = form_section(title)
        self._layout.addWidget(box)
        self._forms.append(form)
        return form

    # --- fitting the width it is given ---

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_labels()

    @property
    def labels_above(self) -> bool:
        """Whether the labels stand above their fields, the form being too narrow to hold them beside."""
        return self._labels_above

    def _fit_labels(self) -> None:
        """Labels beside their fields where the pane is wide enough, above them where it is not: the width the
        labels take depends on the system's fonts, and a narrow pane (a small screen) would otherwise cut the
        fields off or scroll sideways. The room is measured as if the vertical scroll bar were always shown, so
        that showing it does not switch the layout back and forth."""
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        above = room < self._side_by_side_width
        if above == self._labels_above:
            return
        self._labels_above = above
        place_labels(self._forms, self._captions, above)

    def _row(
        self,
        form: QFormLayout,
        label: str,
        *fields: Field,
        number: int | None = None,
        mandatory: bool = False,
        captions: Sequence[str] = (),
    ) -> None:
        caption, slots, problems = field_row(label, fields, number, mandatory, captions)
        self._captions.append(caption)
        self.slots.update((slot.field.path, slot) for slot in slots)
        form.addRow(caption, problems)

    # --- following the session ---

    def _loaded(self, paths: tuple[str, ...]) -> None:
        if paths:
            if STACK in paths or "credential" in paths:
                self.credentials.show_chosen_in(self.credential_box, self.authenticity)  # added or removed
            return  # an edit, not another case
        document = self.session.document
        self._holding_back = not credential_items(document) and "target" not in document
        self._credential_chosen(None)

    def _credential_chosen(self, index: int | None) -> None:
        """Another case, or another credential of the stack (``index``): every field shows its values and
        problems, and no message line is held for a value typed into the one shown before."""
        self._visited.clear()
        for slot in self.slots.values():
            slot.release_line()
        if index is not None:
            self.refresh()
            self.show_problems()
        self.credentials.show_chosen_in(self.credential_box, self.authenticity)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """A field the focus leaves has been visited: what it lacks may be said now. A focused field near the
        pane's edge is scrolled wholly into view."""
        for path, slot in self.slots.items():
            if old is not None and path not in self._visited and slot.holds(old) and not slot.holds(new):
                self._visited.add(path)
                if self._holding_back:
                    self.show_problems()
            if new is not None and slot.holds(new):
                self.ensureWidgetVisible(new, 16, 24)

    def show_every_problem(self) -> None:
        """Show what every field lacks (a save or a decision was tried), visited or not."""
        self._holding_back = False
        self.show_problems()

    def _held_back(self, problem: Problem, path: str) -> bool:
        """Whether the message about a missing value waits until its field has been visited."""
        return self._holding_back and problem.field != problem.path and path not in self._visited

    def refresh(self, paths: tuple[str, ...] = ()) -> None:
        if not paths or any(path.startswith(("provenance", STACK)) or path == "credential" for path in paths):
            self.credentials.show_authenticity(self.authenticity)
        for slot in self.slots.values():
            if not paths or any(slot.field.concerns(changed) for changed in paths):
                slot.field.refresh()

    def show_problems(self) -> None:
        unplaced: list[str] = []
        messages: dict[str, list[str]] = {}
        whole_case = self.tr("case")
        items = credential_items(self.session.document)
        for problem in self.session.assessment.problems:
            place = form_path(problem.field, self.session.chosen_credential)
            if place is None:  # about a credential of the stack not shown now: named, for the list to lead to
                index = stack_position(problem.field) or 0
                name = credential_name(items[index], index) if index < len(items) else whole_case
                unplaced.append(
                    labelled(name, labelled(problem.field.partition(".")[2] or name, shown(problem.message)))
                )
                continue
            slot = self.slot_for(field_of(place))
            if slot is None:
                unplaced.append(labelled(problem.field or whole_case, shown(problem.message)))
            elif not self._held_back(problem, slot.field.path):
                messages.setdefault(slot.field.path, []).append(self.problem_text(problem))
        for path, slot in self.slots.items():
            slot.show_problem("; ".join(messages.get(path, [])) or None)
        self.banner.setText("\n".join(unplaced))
        self.banner.setVisible(bool(unplaced))

    def problem_text(self, problem: Problem) -> str:
        """The message shown beside the field: the field is named by its place, so only what is wrong."""
        if problem.field != problem.path:
            return self.tr("Required for this purpose")
        return shown(problem.message)

    def describe_problem(self, problem: Problem) -> str:
        """A problem named by the form's label for its field, for lists away from the form."""
        place = form_path(problem.field, self.session.chosen_credential)
        slot = self.slot_for(field_of(place or problem.field))
        if slot is None:
            return shown(problem.line())
        return labelled(slot.field.widget.accessibleName(), self.problem_text(problem))

    def slot_for(self, path: str) -> FieldSlot | None:
        """The slot of ``path``, else the first field inside it, else the nearest enclosing field."""
        return slot_for(self.slots, _SECTION_ENTRY.get(path, path))

    def focus_field(self, path: str) -> bool:
        """Scroll to the field a finding is about, give it the focus and flash it; a field of another credential
        of the stack (``credentials.2.title``) shows that credential first."""
        index = stack_position(path)
        if index is not None:
            self.session.choose_credential(index)
        place = form_path(path, self.session.chosen_credential)
        if place is None:
            return False
        slot = self.slot_for(field_of(place))
        if slot is None:
            return False
        self.ensureWidgetVisible(slot, 40, 80)
        slot.field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        slot.flash()
        return True
