"""The PySide6 application: windows, docks, tools, dialogs and workers."""
