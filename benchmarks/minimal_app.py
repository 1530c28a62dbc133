"""The floor for start-up: the smallest Textual app, one line of text, `q` quits.

Whatever it takes this app to paint is what any Textual client pays before it
can show anything; the start-up benchmark runs it beside tootui.
"""

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

READY = "minimal textual app painted"


class MinimalApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static(READY)


if __name__ == "__main__":
    MinimalApp().run()
