"""Settings: the settings file, the settings dialog, light/dark appearance, the UI language."""
