"""Editorial review in the window: workflow, history, track changes, notes, targets, profile."""
