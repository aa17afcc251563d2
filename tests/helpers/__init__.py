"""Test helpers: fakes, simulators and servers the tests share (not collected)."""
