"""User templates render in a child process under the operating system's limits.

The checks of :mod:`ccer_calc.documents.sandbox` run between operations; a single built-in
call on a huge argument (``([s] * 10**6)|join``, ``|sum(start=[])`` of many lists) runs to its
end before the next check, and may fill the memory. Where the platform can fork and set
resource limits (Linux, macOS, the BSDs), :func:`run_limited` therefore runs the rendering in a
forked child (which inherits the compiled template and the context: nothing is pickled on the
way in) with

* address space limited to :data:`MEMORY_LIMIT_MIB` MiB above what the child has at the fork
  (``RLIMIT_AS``, where the system enforces it) and CPU time to the whole seconds of the time
  limit plus :data:`CPU_MARGIN_S` seconds (``RLIMIT_CPU``);
* the parent waiting at most the time limit plus :data:`MARGIN_S` seconds, reading the result
  from a pipe as it comes (so a large result cannot block the child), then killing the child.

The text, or the error, comes back through the pipe as UTF-8 or JSON. A child that runs out of
memory, overruns its time or dies in any other way becomes a
:class:`~ccer_calc.errors.TemplateError`; the child's stderr goes to ``/dev/null``, so a
command line still prints one line. Elsewhere (Windows) the rendering runs in-process under the
sandbox's own checks, a ``MemoryError`` becoming a ``TemplateError`` too. Forking costs a few
milliseconds per rendering (measured in the tests).
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import select
import signal
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

from ccer_calc import errors
from ccer_calc.errors import CcerError, TemplateError

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

__all__ = ["CAN_ISOLATE", "CPU_MARGIN_S", "MARGIN_S", "MEMORY_LIMIT_MIB", "memory_error",
           "run_limited"]

#: Memory a user template's rendering may add to what the process holds, MiB.
MEMORY_LIMIT_MIB = 1024
#: How much longer than the time limit the parent waits before killing the child, seconds.
MARGIN_S = 1.0
#: CPU seconds the child may use beyond the whole seconds of the time limit (``RLIMIT_CPU``):
#: even after rounding the limit down, the cap is past the parent's wait of the limit plus
#: :data:`MARGIN_S`, so it only catches a child the parent could not stop.
CPU_MARGIN_S = 2
#: Whether this platform renders user templates in a child process under OS limits.
CAN_ISOLATE = hasattr(os, "fork") and resource is not None and sys.platform != "emscripten"
#: Bytes read from the pipe at a time.
_CHUNK = 1 << 16


def time_error(seconds: float) -> TemplateError:
    """The error of a rendering that overran its time limit."""
    return TemplateError(f"template exceeded its time limit: the template took longer than "
                         f"{seconds:g} s", field="template",
                         expected=f"a rendering within {seconds:g} s")


def memory_error() -> TemplateError:
    """The error of a rendering that ran out of memory."""
    return TemplateError(f"template exceeded its memory limit: the template needed more than "
                         f"{MEMORY_LIMIT_MIB} MiB of memory", field="template",
                         expected=f"a rendering within {MEMORY_LIMIT_MIB} MiB")


def run_limited(work: Callable[[], str], seconds: float, max_chars: int) -> str:
    """Run ``work`` (a rendering) under the OS limits where possible; return its text.

    Parameters
    ----------
    work : callable
        Renders and returns the text, raising only :class:`~ccer_calc.errors.CcerError`.
    seconds : float
        The time limit; the child is killed ``MARGIN_S`` seconds after it.
    max_chars : int
        The output limit, characters (bounds what the parent reads from the child).

    Raises
    ------
    TemplateError
        The error ``work`` raised, or the child ran out of time or memory or died.
    """
    if not CAN_ISOLATE:
        try:
            return work()
        except MemoryError:
            raise memory_error() from None
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():  # Python 3.12 warns about forking a threaded process
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its coverage is not collected
        os.close(read_fd)
        _child(work, seconds, write_fd)
    os.close(write_fd)
    try:
        data = _read(pid, read_fd, seconds, max_chars)
    except BaseException:  # nothing may escape the child
        _kill(pid)  # still unreaped, so the pid cannot belong to another process yet
        raise
    finally:
        os.close(read_fd)
        status = _reap(pid)
    return _result(data, status, seconds)


def _child(work: Callable[[], str], seconds: float, fd: int) -> None:  # pragma: no cover
    """Set the limits, render, write the result and leave without cleaning up."""
    code = 0
    try:
        faulthandler.disable()  # it writes to a saved stderr of its own
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        _set_limits(seconds)
        try:
            payload = b"T" + work().encode("utf-8", "surrogatepass")
        except MemoryError:
            payload = b"E" + _encoded(memory_error())
        except CcerError as exc:
            payload = b"E" + _encoded(exc)
        except Exception as exc:  # whatever it is, it is the template's failure
            payload = b"E" + _encoded(TemplateError(
                f"template failed: {type(exc).__name__}: {exc}", field="template"))
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    except BaseException:  # nothing may escape the child
        code = 1
    finally:
        os._exit(code)


def _set_limits(seconds: float) -> None:  # pragma: no cover - runs in the child
    """Cap the child's CPU time and address space (where the system lets us)."""
    assert resource is not None  # noqa: S101 - only called where resource exists
    cpu = int(seconds) + CPU_MARGIN_S
    with contextlib.suppress(ValueError, OSError):
        _lower(resource.RLIMIT_CPU, cpu)
    held = _address_space()
    if held is not None:
        with contextlib.suppress(ValueError, OSError):
            _lower(resource.RLIMIT_AS, held + MEMORY_LIMIT_MIB * 1024 * 1024)


def _lower(which: int, soft: int) -> None:  # pragma: no cover - runs in the child
    assert resource is not None  # noqa: S101
    old_soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    if old_soft != resource.RLIM_INFINITY:
        soft = min(soft, old_soft)
    resource.setrlimit(which, (soft, hard))


def _address_space() -> int | None:
    """Bytes of virtual memory this process holds (Linux), None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _encoded(exc: CcerError) -> bytes:  # pragma: no cover - runs in the child
    value = exc.value if isinstance(exc.value, int | float | str) or exc.value is None \
        else str(exc.value)
    return json.dumps({"kind": type(exc).__name__, "problem": exc.problem, "field": exc.field,
                       "value": value, "expected": exc.expected}).encode("utf-8")


def _decoded(data: bytes) -> CcerError:
    fields: dict[str, Any] = json.loads(data.decode("utf-8"))
    kind = getattr(errors, str(fields.pop("kind")), TemplateError)
    if not (isinstance(kind, type) and issubclass(kind, CcerError)):
        kind = TemplateError
    problem = str(fields.pop("problem"))
    return kind(problem, **fields)


def _read(pid: int, fd: int, seconds: float, max_chars: int) -> bytes:
    """Read the child's result until it closes the pipe, the deadline or the size limit."""
    deadline = time.monotonic() + seconds + MARGIN_S
    limit = 4 * max_chars + _CHUNK  # UTF-8 takes 4 bytes a character at most, + the envelope
    data = bytearray()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            _kill(pid)
            raise time_error(seconds)
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > limit:
            _kill(pid)
            raise TemplateError("template exceeded its size limit (output)", field="template",
                                expected=f"at most {max_chars} characters")


def _result(data: bytes, status: int | None, seconds: float) -> str:
    """The text the child sent, or the error it sent or died of."""
    clean = status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    if clean and data[:1] == b"T":
        return data[1:].decode("utf-8", "surrogatepass")
    if clean and data[:1] == b"E":
        raise _decoded(data[1:])
    if status is not None and os.WIFSIGNALED(status) and \
            os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
        raise time_error(seconds)
    if status is not None and os.WIFSIGNALED(status):
        raise TemplateError(f"template rendering died of signal {os.WTERMSIG(status)}",
                            field="template", expected="a rendering that ends normally")
    raise memory_error()  # the child left without a whole answer: out of memory while failing


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _reap(pid: int) -> int | None:
    """Wait for the child; its status, or None if it cannot be waited for."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return None
    return status
