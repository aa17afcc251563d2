"""Qt widgets: windows, dialogs, panes. The only package that imports Qt."""
