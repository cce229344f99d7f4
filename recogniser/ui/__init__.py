"""Everything Qt lives under this package; the rest of Recogniser never imports PySide6."""
