"""The recommendation report: a PDF an office can file, sign and send (reportlab, A4)."""

from recogniser.report.render import render_report, write_report
from recogniser.report.settings import ReportSettings, load_report_settings

__all__ = ["ReportSettings", "load_report_settings", "render_report", "write_report"]
