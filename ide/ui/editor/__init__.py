"""The code editor: a Scintilla wrapper (str and character positions), tabs, find bar."""

from ide.ui.editor.code_editor import CodeEditor
from ide.ui.editor.tabs import EditorTabs

__all__ = ["CodeEditor", "EditorTabs"]
