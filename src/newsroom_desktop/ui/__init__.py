"""The Qt user interface: main window, panels and dialogs over the core."""
