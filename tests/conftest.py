"""Shared test set-up: Qt offscreen, a per-run cache folder for npm packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
