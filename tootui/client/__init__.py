"""Talking to a Mastodon-compatible server; the only package that imports Mastodon.py.

Mastodon.py (and the HTTP stack under it) is imported lazily, inside the
functions and constructors that need it, so that importing this package costs
nothing on the way to the first paint.
"""

from tootui.client.optional_imports import install as _refuse_unused_optional_imports

_refuse_unused_optional_imports()
