"""Shared test set-up: Qt offscreen, a per-run cache folder for npm packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- settings isolation (owner: ui) ----------------------------------------------------------
# Tests never read or write the user's real Hotaru settings (ide.ui.preferences, ide.ui.language).
if "HOTARU_CONFIG_DIR" not in os.environ:
    import tempfile

    os.environ["HOTARU_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hotaru-test-config-")
