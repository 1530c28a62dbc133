"""tootui: a fast, keyboard-driven terminal Mastodon client."""

__version__ = "0.1.0"
