"""Rescue a stuck board (Tools > Rescue board…): rescue(transport, progress, ask) -> RescueReport.
Qt-free; ide/ui/rescue is its face."""

from ide.core.rescue.report import Cause, RescueReport
from ide.core.rescue.sequence import rescue

__all__ = ["Cause", "RescueReport", "rescue"]
