"""The embedded Mastodon-compatible demo instance (Starlette + uvicorn + SQLite).

`server.DemoServer` runs it in-process (tests, `demo-server`); `launcher`
runs it as a subprocess for `tootui --demo`.
"""
