import os

# Qt must never look for a display, in CI or here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
