"""The window's workflows, each a controller the main window wires to its menus and panes.

A controller holds no widget of its own: it asks the evaluator through :class:`~recogniser.ui.dialogs.Dialogs`,
works through the store and the background tasks, and tells the window what changed by signals, so each is
tested without a window (``tests/ui/controllers``). The window passes itself as the controller's parent, which
is also the parent of the questions it asks.
"""
