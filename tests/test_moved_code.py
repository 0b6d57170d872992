"""Code a change moves (a module split, a function extracted to another file) was already
there: security findings on it go to the summary. A moved line next to new input stays."""

from __future__ import annotations

from bot.diff import parse_diff
from bot.models import Severity
from bot.pipeline import review_files

_SPLIT = """\
diff --git a/app/views.py b/app/views.py
--- a/app/views.py
+++ b/app/views.py
@@ -1,8 +1,3 @@
 import requests
-
-
-def fetch_status(host):
-    return requests.get(f"https://{host}/status", verify=False, timeout=5).json()
-
 
 VERSION = 2
diff --git a/app/status.py b/app/status.py
new file mode 100644
--- /dev/null
+++ b/app/status.py
@@ -0,0 +1,5 @@
+import requests
+
+
+def fetch_status(host):
+    return requests.get(f"https://{host}/status", verify=False, timeout=5).json()
"""


def _tls(diff: str) -> list[tuple[str, Severity, str]]:
    found = review_files(parse_diff(diff)).findings
    return [(f.path, f.severity, f.body) for f in found if f.rule == "tls-verification-disabled"]


def test_a_line_moved_to_another_file_goes_to_the_summary() -> None:
    found = _tls(_SPLIT)
    assert [(p, s) for p, s, _ in found] == [("app/status.py", Severity.INFO)]
    assert "removed elsewhere in this change" in found[0][2]


def test_a_moved_line_that_also_changed_stays_inline() -> None:
    changed = _SPLIT.replace(
        '+    return requests.get(f"https://{host}/status", verify=False, timeout=5).json()',
        '+    return requests.get(f"https://{host}/health", verify=False, timeout=5).json()',
    )
    found = _tls(changed)
    assert [(p, s) for p, s, _ in found] == [("app/status.py", Severity.HIGH)]
