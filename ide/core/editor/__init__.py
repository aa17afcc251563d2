"""The editor without Qt: the syntax check and the colour themes."""
