"""Recogniser: decision support for recognising micro-credentials."""

__version__ = "0.1.0"
