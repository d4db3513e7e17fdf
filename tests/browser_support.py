"""What every real-browser test shares: Debian's Chromium, the flags it runs with here, where the
screenshots go, and a skip (with the reason) where Chromium or Playwright is absent."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
# Without the background-networking flags Chromium keeps calling out, and this machine refuses it.
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium():
    """The Playwright sync API; skips the caller (module or test) where Chromium or Playwright is absent."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install --no-install-recommends chromium)", allow_module_level=True)
    return sync_api


@contextmanager
def chromium():
    """A launched headless Chromium, closed afterwards."""
    sync_api = require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()
