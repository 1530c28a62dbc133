"""Fault injection: make the instance slow, failing or flaky on purpose.

From test code: `server.faults.add("/api/v1/timelines", status=503, count=2)`
(`error="..."` sets the error body's message, to play a hostile server).
From the command line: `--demo-faults SPEC`, where SPEC is a comma-separated
list of rules, each `PATH_PREFIX=KIND[:COUNT]` with KIND one of

* a status code (`500`, `502`, `503`, ...): answer it with `{"error": ...}`;
* `429@SECONDS`: rate limited, with `Retry-After: SECONDS`;
* `delay@SECONDS`: answer normally after SECONDS of latency;
* `drop`: send the response headers, then cut the connection;
* `end-stream`: close streaming connections (SSE or WebSocket) under the
  prefix at once;
* `stall`: open streaming connections, then send nothing, not even the
  heartbeat (a link that silently died);
* `revoke`: revoke every access token, then answer (so this request is a 401).

COUNT is how many matching requests the rule affects (default 1; `*` for
all). Example: `/api/v1/timelines/home=503:2,/api/v1/statuses=delay@1.5:*`.
Rules apply to WebSocket handshakes too: a status or `drop` rule refuses
the handshake, `end-stream` closes it right after accepting, `stall` keeps
it open and silent.
From test code, `DemoServer.revoke_tokens()` revokes at once.
"""

from __future__ import annotations

import argparse
import threading
from dataclasses import dataclass

from tootui.i18n import _


@dataclass
class Fault:
    """One rule; `count` None means every matching request."""

    path_prefix: str
    status: int = 503
    count: int | None = 1
    delay: float = 0.0
    retry_after: int | None = None
    drop: bool = False
    end_stream: bool = False
    revoke_tokens: bool = False
    error: str | None = None
    stall: bool = False


class FaultSpecError(ValueError):
    """A `--demo-faults` rule that can't be read; the message names it."""


class Faults:
    """The active rules; requests take the first rule whose prefix matches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[Fault] = []

    def add(
        self,
        path_prefix: str,
        *,
        status: int = 503,
        count: int | None = 1,
        delay: float = 0.0,
        retry_after: int | None = None,
        drop: bool = False,
        end_stream: bool = False,
        revoke_tokens: bool = False,
        error: str | None = None,
        stall: bool = False,
    ) -> Fault:
        fault = Fault(
            path_prefix, status, count, delay, retry_after, drop, end_stream, revoke_tokens,
            error, stall,
        )
        with self._lock:
            self._rules.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, path: str) -> Fault | None:
        """The rule for this request, spending one of its uses."""
        with self._lock:
            for fault in self._rules:
                if path.startswith(fault.path_prefix):
                    if fault.count is not None:
                        fault.count -= 1
                        if fault.count <= 0:
                            self._rules.remove(fault)
                    return fault
        return None

    def load_spec(self, spec: str) -> None:
        for rule in filter(None, (part.strip() for part in spec.split(","))):
            self._rules.append(parse_rule(rule))


def parse_rule(rule: str) -> Fault:
    prefix, sep, action = rule.partition("=")
    if not sep or not prefix.startswith("/"):
        raise FaultSpecError(
            _("fault rule {rule!r}: expected PATH_PREFIX=KIND[:COUNT]").format(rule=rule)
        )
    kind, _sep, count_text = action.partition(":")
    count: int | None = 1
    if count_text == "*":
        count = None
    elif count_text:
        if not count_text.isdigit() or int(count_text) < 1:
            raise FaultSpecError(_("fault rule {rule!r}: bad count").format(rule=rule))
        count = int(count_text)
    name, _at, argument = kind.partition("@")
    try:
        if name == "delay":
            return Fault(prefix, status=0, count=count, delay=float(argument))
        if name == "drop":
            return Fault(prefix, status=0, count=count, drop=True)
        if name == "end-stream":
            return Fault(prefix, status=0, count=count, end_stream=True)
        if name == "stall":
            return Fault(prefix, status=0, count=count, stall=True)
        if name == "revoke":
            return Fault(prefix, status=0, count=count, revoke_tokens=True)
        status = int(name)
        if not 400 <= status <= 599:
            raise ValueError(name)
        retry = int(argument) if argument else (1 if status == 429 else None)
        return Fault(prefix, status=status, count=count, retry_after=retry)
    except ValueError as exc:
        raise FaultSpecError(_("fault rule {rule!r}: unknown kind").format(rule=rule)) from exc


def checked_spec(spec: str) -> str:
    """argparse `type=` for `--demo-faults`: a bad rule stops at the command line."""
    try:
        for rule in filter(None, (part.strip() for part in spec.split(","))):
            parse_rule(rule)
    except FaultSpecError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return spec
