"""Benchmarks 1, 3 and 5 beside the peers: tooi and toot's TUI, on the same instance.

Usage: python benchmarks/peers_bench.py [--runs N] [--presses N]

Each peer is installed from PyPI in its own virtualenv under benchmarks/.venvs
(made on the first run, kept, git-ignored: tooi needs its own Textual), and
given the demo account as the plain file its own login writes (clients.py).
All of them, tootui included, run against one demo instance with a thread of
200 posts on top of its home timeline, on the same pty (pty_run.py):
- warm start: process start until the newest post's text is on screen, median
  of `--runs` after one run that fills whatever cache the client keeps;
- key latency: `j` pressed `--presses` times on the timeline as the client
  loaded it at start (40 posts for each, about), write to the burst's last byte;
- peak RSS of that run (`wait4`).
A peer that can't be installed or driven is reported in one line; the rest go on.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import clients
import pty_run
from demo_host import DemoHost
from key_latency_bench import KeyFigures, drive

MARKER = "what makes a terminal client"
VENVS = clients.BENCH_DIR / ".venvs"
PEERS: dict[str, tuple[str, str, Callable[[DemoHost, Path, Path], clients.Target]]] = {
    "tooi": ("toot-tooi", "tooi", clients.tooi),
    "toot": ("toot", "toot", clients.toot),
}


def venv_bin(name: str, package: str, script: str) -> Path:
    """The peer's bin dir, its virtualenv made and the package installed if needed."""
    venv = VENVS / name
    if not (venv / "bin" / script).exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", package], check=True,
                       capture_output=True, timeout=900)
    return venv / "bin"


def version(bin_dir: Path, package: str) -> str:
    done = subprocess.run([str(bin_dir / "pip"), "show", package], capture_output=True,
                          text=True)
    found = [line.split()[-1] for line in done.stdout.splitlines() if line.startswith("Version")]
    return found[0] if found else "?"


def warm_start(target: clients.Target, runs: int) -> float:
    times = []
    for n in range(runs + 1):
        run = pty_run.spawn(target.argv, target.env)
        seconds = run.wait_for_text(MARKER, timeout=60)
        run.settle(0.5)
        run.stop(target.quit_key)
        if seconds is None:
            raise RuntimeError(f"{MARKER!r} never showed")
        if n:  # the first run only warms the client's cache
            times.append(seconds)
    return statistics.median(times)


def measure(host: DemoHost, target: clients.Target, runs: int,
            presses: int) -> tuple[float, KeyFigures]:
    start = warm_start(target, runs)
    return start, drive(target, MARKER, presses)


def targets(host: DemoHost) -> list[tuple[str, clients.Target | str]]:
    """tootui, then each peer, or the line saying why a peer can't run."""
    found: list[tuple[str, clients.Target | str]] = [
        ("tootui", clients.tootui(host, Path(tempfile.mkdtemp(prefix="tootui-peers-"))))]
    for name, (package, script, make) in PEERS.items():
        try:
            bin_dir = venv_bin(name, package, script)
        except (subprocess.SubprocessError, OSError) as exc:
            found.append((name, f"could not be installed ({type(exc).__name__})"))
            continue
        target = make(host, Path(tempfile.mkdtemp(prefix=f"{name}-")), bin_dir)
        found.append((f"{name} {version(bin_dir, package)}", target))
    return found


def run_all(runs: int, presses: int) -> list[tuple[str, tuple[float, KeyFigures] | str]]:
    results: list[tuple[str, tuple[float, KeyFigures] | str]] = []
    with DemoHost(Path(tempfile.mkdtemp(prefix="demo-")), 40) as host:
        for label, target in targets(host):
            if isinstance(target, str):
                results.append((label, target))
                continue
            try:
                results.append((label, measure(host, target, runs, presses)))
            except (RuntimeError, OSError) as exc:
                results.append((label, f"could not be driven: {exc}"))
    return results


def report(results: list[tuple[str, tuple[float, KeyFigures] | str]]) -> None:
    ours = results[0][1]
    for label, result in results:
        if isinstance(result, str):
            print(f"{label:<12} {result}", flush=True)
            continue
        start, keys = result
        line = (f"{label:<12} warm start {start:6.3f} s | j median {keys.median_ms:5.1f} ms, "
                f"p95 {keys.p95_ms:5.1f} ms | peak RSS {keys.rss_mb:5.1f} MB")
        if not isinstance(ours, str) and result is not ours:
            line += (f" | {label.split()[0]}/tootui: start x{start / ours[0]:.2f}, "
                     f"key x{keys.median_ms / ours[1].median_ms:.2f}, "
                     f"RSS x{keys.rss_mb / ours[1].rss_mb:.2f}")
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()
    pty_run.header("1, 3, 5 beside the peers (same instance, same pty, 40 posts loaded)")
    report(run_all(args.runs, args.presses))


if __name__ == "__main__":
    main()
