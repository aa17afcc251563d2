"""The console pane: the board's REPL as a terminal, and the panel wiring it to the window."""
