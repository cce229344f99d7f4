"""The credential's level, picked as country → framework → national level, with the EQF level and QF-EHEA cycle
the framework data derives and how sure that mapping is."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from recogniser.frameworks import Cycle, Framework, FrameworkLevel, FrameworkRegistry
from recogniser.i18n import from_data, shown
from recogniser.ui.fields import ElidingComboBox, Field, choose_level_by_number, fit_popup_to_choices
from recogniser.ui.look import SECONDARY_TEXT_COLOUR
from recogniser.ui.session import CaseSession
from recogniser.ui.translations import translate as _tr

FRAMEWORK = "credential.level.framework"
NQF_LEVEL = "credential.level.nqf_level"
EQF_LEVEL = "credential.level.eqf_level"


def cycle_label(cycle: Cycle | None) -> str:
    return {
        Cycle.SHORT_CYCLE: _tr("short cycle"),
        Cycle.FIRST_CYCLE: _tr("first cycle (bachelor)"),
        Cycle.SECOND_CYCLE: _tr("second cycle (master)"),
        Cycle.THIRD_CYCLE: _tr("third cycle (doctorate)"),
        None: _tr("no QF-EHEA cycle"),
    }[cycle]


def mapping_label(framework: Framework, level: FrameworkLevel) -> str:
    """The mapping's footing in neutral words: where it was checked, or that it is not checked."""
    if framework.check_of(level) is None:
        return _tr("mapping not checked against the referencing report")
    return _tr("mapping checked in a cited source")


def country_name(code: str) -> str:
    """The English name Qt knows for an ISO code; the code itself for regions such as ``BE-FL``."""
    territory = QLocale.codeToTerritory(code)
    return QLocale.territoryToString(territory) if territory != QLocale.Country.AnyTerritory else code


class LevelField(Field):
    """Bound to ``credential.level``; the country list is only a way to narrow the frameworks, not stored."""

    def __init__(self, session: CaseSession, accessible_name: str, frameworks: Callable[[], FrameworkRegistry]) -> None:
        container = QWidget()
        super().__init__(session, "credential.level", container, accessible_name)
        self.depends_on = ("credential.issuer_country",)
        self._registry = frameworks
        self._showing = False
        self.country = self._combo(_tr("Framework country"))
        self.framework = self._combo(_tr("Qualifications framework"))
        self.level = self._combo(_tr("National level"))
        self.eqf = self._combo(_tr("Credential EQF level"))
        self.eqf.addItem(_tr("—"), None)
        for level in range(1, 9):
            self.eqf.addItem(_tr("EQF {level}").format(level=level), level)
        choose_level_by_number(self.eqf)
        self.derived = QLabel()
        self.derived.setObjectName("levelDerived")
        self.derived.setTextFormat(Qt.TextFormat.RichText)
        self.derived.setWordWrap(True)
        countries = sorted({framework.country for framework in frameworks()}, key=country_name)
        self.country.addItem(_tr("Country…"), None)
        for code in countries:
            self.country.addItem(f"{country_name(code)} ({code})", code)
        fit_popup_to_choices(self.country)

        grid = QGridLayout(container)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        pairs = (
            (_tr("Country"), self.country),
            (_tr("Framework"), self.framework),
            (_tr("National level"), self.level),
            (_tr("EQF level"), self.eqf),
        )
        for position, (caption, combo) in enumerate(pairs):
            label = QLabel(caption)
            label.setStyleSheet(f"color: {SECONDARY_TEXT_COLOUR};")
            label.setBuddy(combo)
            row, column = divmod(position, 2)
            grid.addWidget(label, 2 * row, column)
            grid.addWidget(combo, 2 * row + 1, column)
        grid.addWidget(self.derived, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 2)
        container.setFocusProxy(self.country)

        self.country.activated.connect(lambda _index: self._country_chosen())
        self.framework.activated.connect(lambda _index: self._framework_chosen())
        self.level.activated.connect(lambda _index: self._level_chosen())
        self.eqf.activated.connect(lambda _index: self.session.set_value(EQF_LEVEL, self.eqf.currentData()))

    def _combo(self, name: str) -> QComboBox:
        combo = ElidingComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    # --- the evaluator's choices ---

    def _country_chosen(self) -> None:
        code = self.country.currentData()
        self._fill_frameworks(code, None)
        frameworks = self._registry().for_country(code) if code else []
        stored = self.session.value(FRAMEWORK)
        if len(frameworks) == 1:
            # One framework for the country: nothing to choose, so choose it.
            self.framework.setCurrentIndex(self.framework.findData(frameworks[0].id))
            self._framework_chosen()
        elif stored is not None and self.framework.findData(stored) < 0:
            self.session.set_values({FRAMEWORK: None, NQF_LEVEL: None})

    def _framework_chosen(self) -> None:
        framework_id = self.framework.currentData()
        framework = self._registry().get(framework_id) if framework_id else None
        current = self.session.value(NQF_LEVEL)
        keep = framework is not None and isinstance(current, str) and framework.level(current) is not None
        self.session.set_values({FRAMEWORK: framework_id, NQF_LEVEL: current if keep else None})

    def _level_chosen(self) -> None:
        framework = self._current_framework()
        level_id = self.level.currentData()
        level = framework.level(level_id) if framework is not None and level_id else None
        values: dict[str, Any] = {NQF_LEVEL: level_id}
        if level is not None and level.eqf_level is not None:
            values[EQF_LEVEL] = level.eqf_level
        self.session.set_values(values)

    def commit(self) -> None:
        self.session.set_values(
            {
                FRAMEWORK: self.framework.currentData(),
                NQF_LEVEL: self.level.currentData(),
                EQF_LEVEL: self.eqf.currentData(),
            }
        )

    # --- showing the document ---

    def _current_framework(self) -> Framework | None:
        framework_id = self.framework.currentData()
        return self._registry().get(framework_id) if isinstance(framework_id, str) else None

    def read(self) -> Any:
        values = {
            "framework": self.framework.currentData(),
            "nqf_level": self.level.currentData(),
            "eqf_level": self.eqf.currentData(),
        }
        return {key: value for key, value in values.items() if value is not None} or None

    def refresh(self) -> None:
        # Always redrawn: the derived line and the lists depend on more than the stored value.
        self.show(self.session.value(self.path))

    def show(self, value: Any) -> None:
        level = value if isinstance(value, Mapping) else {}
        framework_id = level.get("framework")
        framework = self._registry().get(framework_id) if isinstance(framework_id, str) else None
        country = framework.country if framework is not None else self.session.value("credential.issuer_country")
        self.country.setCurrentIndex(max(0, self.country.findData(country)))
        self._fill_frameworks(self.country.currentData(), framework_id)
        self._fill_levels(framework, level.get("nqf_level"))
        _select(self.eqf, level.get("eqf_level"))
        self._show_derived(framework, level.get("nqf_level"))

    def _fill_frameworks(self, country: str | None, framework_id: Any) -> None:
        self.framework.clear()
        self.framework.addItem(_tr("—"), None)
        for framework in self._registry().for_country(country) if country else []:
            self.framework.addItem(f"{framework.id} — {framework.name}", framework.id)
        fit_popup_to_choices(self.framework)
        _select(self.framework, framework_id)
        self._fill_levels(self._current_framework(), None)

    def _fill_levels(self, framework: Framework | None, level_id: Any) -> None:
        self.level.clear()
        self.level.addItem(_tr("—"), None)
        for level in framework.levels if framework is not None else ():
            self.level.addItem(level.label, level.id)
        fit_popup_to_choices(self.level)
        _select(self.level, level_id)

    def _show_derived(self, framework: Framework | None, level_id: Any) -> None:
        level = framework.level(level_id) if framework is not None and isinstance(level_id, str) else None
        if framework is None or level is None:
            self.derived.setText("")
            self.derived.setVisible(False)
            return
        eqf = _tr("EQF {level}").format(level=level.eqf_level) if level.eqf_level else _tr("not referenced to the EQF")
        self.derived.setText(
            f"<span style='color:{SECONDARY_TEXT_COLOUR}'>{html.escape(eqf)} · "
            f"{html.escape(cycle_label(level.cycle))} · {html.escape(mapping_label(framework, level))}</span>"
        )
        check = framework.check_of(level)
        checked = _tr("Checked in {citation}.").format(citation=shown(check.cite())) if check else ""
        compiled = _tr("Compiled from: {source}").format(source=shown(from_data(framework.source)))
        self.derived.setToolTip(" ".join(part for part in (checked, compiled) if part))
        self.derived.setVisible(True)


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0 and value is not None:
        # A value the data does not know (a hand-edited file): show it rather than hide it.
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))
