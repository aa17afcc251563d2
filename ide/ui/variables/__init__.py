"""View > Variables: the board's globals after each run."""
