"""The embedded Mastodon-compatible demo instance (Starlette + uvicorn + SQLite).

`server.DemoServer` runs it in-process (tests, `tootui demo-server`);
`launcher.start_demo_subprocess` runs `python -m tootui.demo` as a child for
`tootui --demo`. One module per API area: `oauth`, `instance`, `accounts`,
`blocks`, `statuses`, `status_edits`, `polls`, `media`, `scheduled`,
`translation`, `timelines`, `lists`, `tags`, `filters`, `notifications`,
`grouped_notifications`, `conversations`, `markers`, `search`, `streaming`
(SSE) and `websocket`. Data: `store` (schema), `posting` (what actions do),
`entities` (JSON shapes), `seed` / `generate` / `seed_file` (what fills it),
`faults` (injected failures; the `--demo-faults` spec is documented there).
"""
