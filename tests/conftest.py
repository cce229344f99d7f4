import os
import tempfile

# Qt must never look for a display, in CI or here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never read or write the real user's data and settings (database, log, drafts, office corrections).
_sandbox = tempfile.mkdtemp(prefix="recogniser-tests-")
os.environ["RECOGNISER_DATA_HOME"] = os.path.join(_sandbox, "data")
os.environ["RECOGNISER_CONFIG_HOME"] = os.path.join(_sandbox, "config")
# ... nor an office database named for the user's own work.
os.environ.pop("RECOGNISER_DATABASE_URL", None)
