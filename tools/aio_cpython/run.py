#!/usr/bin/env python3
"""run.py - run a script on real CPython with Awaitscope's own asyncio and
aiohttp (core/aio/python) over the CPython shim of `_awaitscope`.

    python3 run.py SCRIPT.py [--interrupt-at T]

Prints the run in WORLD.md's output format, exactly as vtrun.py (the oracle)
does, so the two can be diffed.  AWAITSCOPE_TRACE=FILE writes the trace
events as JSON lines."""

import sys
import os

if os.environ.get("PYTHONHASHSEED") is None:       # pin str hashing, then restart
    _env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)] + sys.argv[1:], _env)

HERE = os.path.dirname(os.path.abspath(__file__))
AIO = os.path.normpath(os.path.join(HERE, "..", "..", "core", "aio", "python"))
sys.path[0:0] = [AIO, HERE]
for _m in list(sys.modules):                      # never the real asyncio
    if _m == "asyncio" or _m.startswith("asyncio."):
        del sys.modules[_m]

import builtins
import io
import random
import runpy
import signal
import time

import _awaitscope as world

WALL_LIMIT_S = 20


def _vt_sleep(secs):
    if not isinstance(secs, (int, float)):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    world.sleep(secs)


time.time = lambda: 1700000000.0 + world.now()
time.monotonic = time.perf_counter = world.now
time.sleep = _vt_sleep
time.time_ns = lambda: round((1700000000.0 + world.now()) * 1e9)
time.monotonic_ns = time.perf_counter_ns = lambda: round(world.now() * 1e9)


class _Output(io.TextIOBase):
    """The script's sys.stdout: stamps each line with the clock."""

    encoding = "utf-8"

    def __init__(self, real):
        self._real = real
        self._buf = None

    def writable(self):
        return True

    def _emit(self, t, text):
        self._real.write(("%.3f\t%s\n" % (t, text)).encode("utf-8", "backslashreplace"))
        self._real.flush()

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        lines = s.split("\n")
        for i, piece in enumerate(lines):
            last = i == len(lines) - 1
            if piece or not last:
                if self._buf is None:
                    self._buf = [world.now(), ""]
                self._buf[1] += piece
            if not last:
                self._emit(*self._buf)
                self._buf = None
        return len(s)

    def finish(self, final=None):
        if self._buf is not None:
            self._emit(*self._buf)
            self._buf = None
        if final is not None:
            self._emit(world.now(), final)


def _exception_line(exc):
    try:
        msg = str(exc)
    except BaseException:
        msg = "<exception str() failed>"
    return "!" + type(exc).__name__ + (": " + msg if msg else "")


_BLOCKED = {"os", "subprocess", "socket"}


def _world_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and name.partition(".")[0] in _BLOCKED:
        raise ModuleNotFoundError(
            f"No module named '{name}' (the visualizer does not provide it)", name=name)
    return builtins.__import__(name, globals, locals, fromlist, level)


def _watchdog(signum, frame):
    sys.__stderr__.write(f"run.py: gave up after {WALL_LIMIT_S}s of real time "
                         f"(virtual clock {world.now():.3f})\n")
    sys.__stderr__.flush()
    os._exit(3)


def main(argv):
    args = list(argv)
    usage = "usage: run.py SCRIPT.py [--interrupt-at T]\n"
    interrupt_at = None
    if "--interrupt-at" in args:
        i = args.index("--interrupt-at")
        try:
            interrupt_at = float(args[i + 1])
        except (IndexError, ValueError):
            sys.stderr.write(usage)
            return 2
        del args[i:i + 2]
    if len(args) != 1 or args[0].startswith("-"):
        sys.stderr.write(usage)
        return 2
    script = args[0]
    if not os.path.isfile(script):
        sys.stderr.write(f"run.py: no such script: {script}\n")
        return 2
    world.configure(interrupt_at, os.environ.get("AWAITSCOPE_TRACE"))

    signal.signal(signal.SIGALRM, _watchdog)
    signal.alarm(WALL_LIMIT_S)

    script_builtins = dict(builtins.__dict__)
    script_builtins["__import__"] = _world_import
    del script_builtins["open"]

    real_stdout = sys.stdout
    real_stdout.flush()
    out = _Output(real_stdout.buffer)

    def on_hang():
        out.finish("!Hang: nothing left to wait for")
        if world._trace_file is not None:
            world._trace_file.flush()

    world.on_hang = on_hang
    sys.argv = [script]
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    random.seed(0)
    sys.stdout = out
    try:
        runpy.run_path(script, init_globals={"__builtins__": script_builtins},
                       run_name="__main__")
    except SystemExit:
        out.finish()
    except BaseException as exc:
        out.finish(_exception_line(exc))
    else:
        out.finish()
    sys.stdout = sys.stderr
    real_stdout.flush()
    sys.stderr.flush()
    if world._trace_file is not None:
        world._trace_file.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
