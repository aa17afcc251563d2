"""The Qt face of the one board session: the controller, the port selector and status bar."""
