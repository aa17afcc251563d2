"""Help > Connection doctor…: the Qt face of ide.core.doctor (dialog.py)."""

from ide.ui.doctor.dialog import DoctorDialog, open_doctor

__all__ = ["DoctorDialog", "open_doctor"]
