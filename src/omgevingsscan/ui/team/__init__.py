"""The team's shared scan in the window: *File → Open shared scan…*, live updates, the
online/offline state in the status bar and the choice between versions on a conflict
(:mod:`omgevingsscan.ui.team.extension`)."""
