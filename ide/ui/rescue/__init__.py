"""Tools > Rescue board…: the Qt face of ide.core.rescue (dialog.py)."""

from ide.ui.rescue.dialog import RescueDialog, open_rescue

__all__ = ["RescueDialog", "open_rescue"]
