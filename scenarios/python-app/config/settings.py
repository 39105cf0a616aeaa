"""Settings of the python-app scenario."""

SEED = 42
ROWS = 1_000
READY_LINE = "python-app ready"
