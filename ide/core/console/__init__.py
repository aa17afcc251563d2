"""The console without Qt: the terminal's line model (pyte's parser, a scrolling screen)."""
