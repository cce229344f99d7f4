"""The office's statistics and register: charts an office head reads at a glance, exported as PNG or PDF, and
the register of decisions exported as CSV or JSON (``recogniser.statistics``, ``recogniser.register``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QLocale, QMarginsF, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from recogniser.files import write_bytes_atomically
from recogniser.model import Outcome, Purpose
from recogniser.statistics import DECISION_DEADLINE_MONTHS, TIME_BANDS, OfficeStatistics
from recogniser.store import CaseStore
from recogniser.ui.controllers.exports import RegisterExport, period_file_name
from recogniser.ui.dialogs import Dialogs
from recogniser.ui.look import ERROR_COLOUR, OUTCOME_COLOURS, SECONDARY_TEXT_COLOUR
from recogniser.ui.tasks import TaskRunner
from recogniser.ui.translations import labelled
from recogniser.vocabulary import outcome_label, purpose_label

#: The bars of a chart that is not about outcomes: one calm colour, so that length alone carries the number.
BAR_COLOUR = "#0b6e99"
#: Bars past the four months: the colour of a refusal, so a late decision stands out.
LATE_COLOUR = ERROR_COLOUR
#: Countries shown by name in their chart; the rest are added up as one bar.
COUNTRIES_SHOWN = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str = BAR_COLOUR


class BarChart(QWidget):
    """A titled chart of horizontal bars, each labelled with its number; paints itself on any device, so the
    same drawing goes to the screen, a PNG and a PDF."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[Bar] = []
        self.note = ""
        self.empty = ""
        self.setMinimumSize(320, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[Bar], note: str = "", empty: str = "") -> None:
        """Show ``bars`` with ``note`` below them; ``empty`` says why there are none (by default, that the period
        has no decisions)."""
        self.bars = list(bars)
        self.note = note
        self.empty = empty
        self.setAccessibleName(self.title)
        self.setAccessibleDescription("; ".join(labelled(bar.label, str(bar.value)) for bar in self.bars))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.1)
        painter.setFont(title_font)
        painter.setPen(QColor("#202020"))
        title_height = QFontMetricsF(title_font).height() * 1.4
        painter.drawText(QRectF(area.left() + 8, area.top() + 4, area.width() - 16, title_height), self.title)
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        wrap = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        note_height = (
            metrics.boundingRect(QRectF(0, 0, area.width() - 16, area.height()), wrap, self.note).height() + 4
            if self.note
            else 0.0
        )
        body = QRectF(area.left() + 8, area.top() + 4 + title_height, area.width() - 16, 0)
        body.setBottom(area.bottom() - 6 - note_height)
        if not self.bars:
            painter.setPen(QColor(SECONDARY_TEXT_COLOUR))
            painter.drawText(
                body,
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                self.empty or self.tr("No decisions in this period"),
            )
        else:
            self._paint_bars(painter, body, metrics)
        if self.note:
            painter.setPen(QColor(SECONDARY_TEXT_COLOUR))
            painter.drawText(
                QRectF(area.left() + 8, area.bottom() - 4 - note_height, area.width() - 16, note_height),
                wrap,
                self.note,
            )

    def _paint_bars(self, painter: QPainter, body: QRectF, metrics: QFontMetricsF) -> None:
        label_width = min(max(metrics.horizontalAdvance(bar.label) for bar in self.bars) + 10, body.width() * 0.45)
        number_width = metrics.horizontalAdvance(f"{max(bar.value for bar in self.bars):,}") + 10
        row = min(body.height() / len(self.bars), metrics.height() * 2.0)
        largest = max(bar.value for bar in self.bars) or 1
        room = max(body.width() - label_width - number_width, 10)
        for index, bar in enumerate(self.bars):
            top = body.top() + index * row
            label_box = QRectF(body.left(), top, label_width - 10, row)
            painter.setPen(QColor("#202020"))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_box.width())
            painter.drawText(label_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            length = room * bar.value / largest
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            painter.setBrush(QColor(bar.colour))
            painter.drawRect(QRectF(body.left() + label_width, top + row * 0.18, max(length, 1.5), row * 0.64))
            painter.setPen(QColor("#202020"))
            painter.drawText(
                QRectF(body.left() + label_width + length + 5, top, number_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{bar.value:,}",
            )


class StatisticsBoard(QWidget):
    """The office's name, the headline and the charts, laid out to be read at a glance and painted whole for
    export (a chart sent on names the office it counts)."""

    def __init__(self, office_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)
        self.office = QLabel(office_name)
        self.office.setObjectName("statisticsOffice")
        self.office.setTextFormat(Qt.TextFormat.PlainText)
        office_font = QFont(self.office.font())
        office_font.setBold(True)
        self.office.setFont(office_font)
        self.office.setVisible(bool(office_name.strip()))
        self.headline = QLabel()
        self.headline.setObjectName("statisticsHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        # Two lines, the first larger: room for both however the grid shares the height.
        self.headline.setMinimumHeight(int(self.headline.fontMetrics().height() * 3.4))
        self.time = BarChart(self.tr("Time from a complete file to the decision"))
        self.outcomes = BarChart(self.tr("Decisions by outcome"))
        self.purposes = BarChart(self.tr("Decisions by purpose"))
        self.countries = BarChart(self.tr("Decisions by issuing country"))
        self.months = BarChart(self.tr("Decisions by month"))
        grid = QGridLayout(self)
        grid.addWidget(self.office, 0, 0, 1, 2)
        grid.addWidget(self.headline, 1, 0, 1, 2)
        grid.addWidget(self.time, 2, 0)
        grid.addWidget(self.outcomes, 2, 1)
        grid.addWidget(self.purposes, 3, 0)
        grid.addWidget(self.countries, 3, 1)
        grid.addWidget(self.months, 4, 0, 1, 2)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(3, 3)
        grid.setRowStretch(4, 4)

    def charts(self) -> list[BarChart]:
        return [self.time, self.outcomes, self.purposes, self.countries, self.months]

    def show_statistics(self, statistics: OfficeStatistics, period: str) -> None:
        time = statistics.time_to_decision
        share = time.share_within_deadline
        undated = self.tr("No decided case in this period states when its file was complete.")
        if statistics.decided == 0:
            timing = self.tr("No decision was recorded in this period.")
        elif share is None:
            timing = undated
        else:
            colour = OUTCOME_COLOURS[Outcome.FULL_RECOGNITION] if time.late == 0 else ERROR_COLOUR
            number = QLocale().toString
            timing = self.tr(
                "<b style='color:{colour}'>{percent}% decided within {months} months</b> of a complete file "
                "({within} of {measured}; {late} late); median {median} days."
            ).format(
                colour=colour,
                percent=number(round(share * 100)),
                months=DECISION_DEADLINE_MONTHS,
                within=number(time.within_deadline),
                measured=number(time.measured),
                late=number(time.late),
                median=number(float(time.median_days or 0), "g", 6),
            )
        self.headline.setText(
            self.tr(
                "<span style='font-size:large'><b>%Ln case(s) decided</b> — {period}</span><br>{timing}",
                "",
                statistics.decided,
            ).format(period=period, timing=timing)
        )
        late = False
        bands = []
        for (limit, label), (counted, count) in zip(TIME_BANDS, time.by_months, strict=True):
            assert label == counted, "the bands are counted in TIME_BANDS's order"
            bands.append(
                Bar(self._band_label(limit), count, LATE_COLOUR if late else OUTCOME_COLOURS[Outcome.FULL_RECOGNITION])
            )
            late = late or limit == DECISION_DEADLINE_MONTHS
        self.time.set_bars(
            bands if time.measured else [],
            self.tr(
                "The 2010 Revised Recommendation sets at most {months} months; {undated} without a date of "
                "completeness are not counted."
            ).format(months=DECISION_DEADLINE_MONTHS, undated=QLocale().toString(time.without_complete_date)),
            undated if statistics.decided else "",
        )
        self.outcomes.set_bars(
            [
                Bar(outcome_label(Outcome(name)), count, OUTCOME_COLOURS[Outcome(name)])
                for name, count in statistics.by_outcome
            ]
        )
        self.purposes.set_bars([Bar(purpose_label(Purpose(name)), count) for name, count in statistics.by_purpose])
        shown = list(statistics.by_country[:COUNTRIES_SHOWN])
        rest = sum(count for _, count in statistics.by_country[COUNTRIES_SHOWN:])
        country_bars = [Bar(self.tr("not stated") if name == "unknown" else name, count) for name, count in shown]
        if rest:
            country_bars.append(Bar(self.tr("%n other(s)", "", len(statistics.by_country) - COUNTRIES_SHOWN), rest))
        self.countries.set_bars(country_bars)
        months = list(statistics.by_month[-12:])
        self.months.set_bars(
            [Bar(name, count) for name, count in months],
            self.tr("The last 12 months with decisions in the period") if len(statistics.by_month) > 12 else "",
        )

    def _band_label(self, limit: int | None) -> str:
        """A band of :data:`TIME_BANDS` in the reader's words, from its upper limit in months."""
        limits = [band for band, _label in TIME_BANDS]
        before = limits[limits.index(limit) - 1] if limits.index(limit) else None
        if limit is None:
            return self.tr("over %n month(s)", "", limits[-2] or 0)
        if before is None:
            return self.tr("within %n month(s)", "", limit)
        return self.tr("{low}–{high} months").format(low=before, high=limit)

    def paint_whole(self, painter: QPainter, area: QRectF) -> None:
        """The board as laid out on screen, scaled to fill ``area`` (a page, an image)."""
        scale = min(area.width() / self.width(), area.height() / self.height())
        painter.save()
        painter.translate(area.left(), area.top())
        painter.scale(scale, scale)
        self.render(painter, QPoint(0, 0))
        painter.restore()

    def png(self) -> bytes:
        """The board as a PNG at twice the screen's pixels, sharp when printed or shown on a slide."""
        image = self.grab().toImage() if self.devicePixelRatioF() >= 2 else self._image(2.0)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes the format as text
        buffer.close()
        return bytes(data.data())

    def _image(self, scale: float) -> QImage:
        image = QImage(int(self.width() * scale), int(self.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        self.render(painter, QPoint(0, 0))
        painter.end()
        return image

    def pdf(self) -> bytes:
        """The board on one landscape A4 page, drawn as vectors."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setTitle(self.tr("Recognition decisions: statistics"))
        writer.setCreator("Recogniser")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(96)
        painter = QPainter(writer)
        self.paint_whole(painter, QRectF(painter.viewport()))
        painter.end()
        buffer.close()
        return bytes(data.data())


class StatisticsWindow(QDialog):
    """The office's statistics for a period, and the register of that period's decisions."""

    def __init__(
        self,
        store: CaseStore,
        tasks: TaskRunner,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        office_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Office statistics and register"))
        self.store = store
        self.tasks = tasks
        self.dialogs = dialogs
        self.statistics: OfficeStatistics | None = None
        self.register = RegisterExport(store, tasks, dialogs, self)
        self.register.exported.connect(self._exported)
        today = QDate.currentDate()
        self.use_from = QCheckBox(self.tr("From"))
        self.first = QDateEdit(today.addYears(-1))
        self.use_to = QCheckBox(self.tr("to"))
        self.last = QDateEdit(today)
        for edit, check, name in ((self.first, self.use_from, "first"), (self.last, self.use_to, "last")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.setAccessibleName(self.tr("First day") if name == "first" else self.tr("Last day"))
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.refresh())
            edit.dateChanged.connect(lambda _date: self.refresh())
        self.status = QLabel()
        self.status.setObjectName("statisticsStatus")
        self.board = StatisticsBoard(office_name)
        self.png_button = QPushButton(self.tr("Save charts as PNG…"))
        self.pdf_button = QPushButton(self.tr("Save charts as PDF…"))
        self.csv_button = QPushButton(self.tr("Export register as CSV…"))
        self.json_button = QPushButton(self.tr("Export register as JSON…"))
        self.csv_button.setToolTip(
            self.tr("Every final decision in the period, without the learner's personal data: fit for publication")
        )
        self.json_button.setToolTip(self.csv_button.toolTip())
        self.png_button.clicked.connect(lambda: self.save_charts("png"))
        self.pdf_button.clicked.connect(lambda: self.save_charts("pdf"))
        self.csv_button.clicked.connect(lambda: self.export_register("csv"))
        self.json_button.clicked.connect(lambda: self.export_register("json"))
        period = QHBoxLayout()
        for control in (self.use_from, self.first, self.use_to, self.last):
            period.addWidget(control)
        period.addStretch(1)
        period.addWidget(self.status)
        buttons = QHBoxLayout()
        for button in (self.png_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.csv_button, self.json_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.board, 1)
        layout.addLayout(buttons)
        self.resize(1100, 820)
        self.refresh()

    def period(self) -> tuple[date | None, date | None]:
        first = self.first.date().toPython() if self.use_from.isChecked() else None
        last = self.last.date().toPython() if self.use_to.isChecked() else None
        return first, last  # type: ignore[return-value]

    def period_text(self) -> str:
        first, last = self.period()
        if first is None and last is None:
            return self.tr("all decisions recorded")
        if last is None:
            return self.tr("decisions from {first}").format(first=first)
        if first is None:
            return self.tr("decisions up to {last}").format(last=last)
        return self.tr("decisions from {first} to {last}").format(first=first, last=last)

    def refresh(self) -> None:
        first, last = self.period()
        if first is not None and last is not None and last < first:
            self.status.setText(self.tr("The last day is before the first."))
            return
        self.status.setText(self.tr("Counting…"))
        store, text = self.store, self.period_text()

        def show(statistics: OfficeStatistics) -> None:
            if (first, last) != self.period():
                return  # the period changed meanwhile: its own count follows
            self.statistics = statistics
            self.status.setText("")
            self.board.show_statistics(statistics, text)

        self.tasks.run(self.tr("Counting the decisions"), lambda: store.office_statistics(first, last), show)

    def save_charts(self, kind: str) -> None:
        filters = self.tr("PNG image (*.png)") if kind == "png" else self.tr("PDF document (*.pdf)")
        path = self.dialogs.save_path(
            self, self.tr("Save the charts"), period_file_name("statistics", *self.period(), kind), filters
        )
        if path is None:
            return
        data = self.board.png() if kind == "png" else self.board.pdf()
        try:
            write_bytes_atomically(path, data)
        except OSError as error:
            self.dialogs.error(self, self.tr("Save the charts"), str(error))
            return
        self.status.setText(self.tr("Charts saved to {path}").format(path=Path(path).name))

    def export_register(self, kind: str) -> None:
        self.register.export(kind, *self.period())

    def _exported(self, count: int, path: str) -> None:
        self.status.setText(self.tr("%Ln decision(s) exported to {path}", "", count).format(path=Path(path).name))
