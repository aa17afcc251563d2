"""The main window: its frame, the table of actions and menus, the registry of panes."""
