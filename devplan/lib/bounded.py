"""Reading an uploaded file in a child process bounded in memory and time. A file under the size limits can
still unpack without end — a PDF whose one compressed stream holds 1 GB, 60,000 pages sharing one content
stream, a workbook with 95 MB of cells — and parsing it in the web worker held the worker until gunicorn
killed it, or the host's memory. The child gets an address-space limit and a CPU-time limit; the parent
waits at most the wall time and kills it after. Pure standard library; the doors pass the limits. `start`
also serves work that runs beside this process (the later pages of a long PDF, reports/pdf_pieces.py)."""

from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import time
import warnings
from collections.abc import Callable

from devplan.lib.errors import DevplanError
from devplan.lib.limits import MB, TooLarge


def _address_space() -> int:
    """This process's virtual size now: the child's limit is counted on top of what it inherits."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(write_end: int, budget: int, seconds: int, work: Callable[[], object]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    try:
        outcome: tuple[str, object] = ("ok", work())
    except DevplanError as exc:
        outcome = ("refused", exc.message)
    except MemoryError:
        outcome = ("too_big", None)
    except Exception as exc:  # the reader's own failure: the parent's caller words it
        outcome = ("failed", f"{type(exc).__name__}: {exc}"[:500])
    try:
        data = pickle.dumps(outcome)
    except Exception:
        data = pickle.dumps(("failed", "result could not be passed back"))
    with os.fdopen(write_end, "wb") as pipe:
        pipe.write(data)


def _collect(read_end: int, pid: int, seconds: int) -> bytes | None:
    """The child's answer, or None when it did not finish within the wall time (it is killed) or was killed by
    its CPU-time limit; b"" when it died otherwise (out of memory inside a library that does not raise)."""
    deadline = time.monotonic() + seconds + 5  # a child waiting on a lock uses no CPU time: this bounds it
    chunks = []
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pipe], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return None
            chunk = pipe.read(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if not chunks and os.WIFSIGNALED(status) and os.WTERMSIG(status) in {signal.SIGXCPU, signal.SIGKILL}:
        return None  # RLIMIT_CPU sends SIGXCPU at the soft limit and SIGKILL at the hard one
    return b"".join(chunks)


class Child:
    """A forked child at work; `outcome()` waits for its answer: ("ok", result), ("refused", message),
    ("failed", what), ("too_big", None) when it ran out of memory, or ("too_slow", None) when it ran out of
    CPU or wall time (it is then killed)."""

    def __init__(self, pid: int, read_end: int, seconds: int) -> None:
        self._pid, self._read_end, self._seconds = pid, read_end, seconds

    def outcome(self) -> tuple[str, object]:
        data = _collect(self._read_end, self._pid, self._seconds)
        if data is None:
            return ("too_slow", None)
        return pickle.loads(data) if data else ("too_big", None)  # type: ignore[no-any-return]


def start(work: Callable[[], object], *, memory_mb: int, seconds: int) -> Child:
    """`work()` begun in a forked child with `memory_mb` more address space than this process and `seconds` of
    CPU, while this process goes on. `work` must not touch the database (the child shares the parent's
    connections)."""
    budget = _address_space() + memory_mb * MB
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # A gunicorn sync worker has one thread; a test process may have more. A child that deadlocked on a
        # lock another thread held is killed at the wall time like any other that runs too long.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_end)
        try:
            _child(write_end, budget, seconds, work)
        finally:
            os._exit(0)
    os.close(write_end)
    return Child(pid, read_end, seconds)


class TooSlow(DevplanError):
    """Reading a file took longer than its time limit: the machine was busy or the file is very long. Not the
    file's fault, so a door says to try again (the web answers 503)."""


def bounded[T](work: Callable[[], T], name: str, *, memory_mb: int, seconds: int,
               unreadable: str = "文件已损坏或不是所说的格式", advice: str = "请稍后再试") -> T:
    """`work()` run in a forked child (`start`); its result, TooLarge naming `name` when it ran out of memory,
    TooSlow (with `advice`) when it ran out of time. A DevplanError inside comes back as a DevplanError with the
    same message, placed at `name`; any other failure says the file is `unreadable`."""
    kind, value = start(work, memory_mb=memory_mb, seconds=seconds).outcome()
    if kind == "ok":
        return value  # type: ignore[return-value]
    if kind == "refused":
        # Placed at the user's name for the file (never the server's path), unless the message names it.
        raise DevplanError(str(value), where=None if f"“{name}”" in str(value) else name)
    if kind == "failed":
        raise DevplanError(f"无法读取：{unreadable}", where=name)
    if kind == "too_slow":
        raise TooSlow(f"{seconds} 秒内没有读完（服务器正忙，或文件很长）：{advice}", where=name)
    raise TooLarge(f"读取时需要的内存超过 {memory_mb} MB：文件内容异常庞大（如压缩炸弹或数万页），已拒绝读取；"
                   "请检查文件，或只上传所需的章节或模板", where=name)
