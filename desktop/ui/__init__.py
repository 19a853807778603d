"""PySide6 widgets only: the window, editor, panels, dialogs and workers."""
