"""A call run in a forked child process beside the caller, for work that keeps one core busy."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import os
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_FAILED = object()


class Forked(Generic[T]):
    """`call()` started in a forked child where the platform has fork; its result on `result()`.

    Where there is no fork, or the child fails or dies, `result()` makes the call itself, so the
    caller gets the same value or exception as without a child. The value must pickle.
    """

    def __init__(self, call: Callable[[], T], *, niceness: int = 0) -> None:
        """Start `call()` in a child whose scheduling priority is lowered by `niceness`."""
        self._call = call
        self._niceness = niceness
        self._child: multiprocessing.process.BaseProcess | None = None
        if "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        child = context.Process(target=self._run, args=(send,), daemon=True)
        try:
            child.start()
            self._child = child
        except (AssertionError, OSError):  # a daemon process has no children: call on result()
            self._receive.close()
        send.close()

    def _run(self, send: multiprocessing.connection.Connection) -> None:
        try:
            if self._niceness:
                os.nice(self._niceness)
            send.send((True, self._call()))
        except BaseException:  # the parent makes the call again and sees the exception itself
            send.send((False, None))
        finally:
            send.close()

    def result(self) -> T:
        """The call's value (waiting for the child), or what making the call here gives."""
        outcome: object = _FAILED
        if self._child is not None:
            try:
                done, value = self._receive.recv()
                if done:
                    outcome = value
            except (EOFError, OSError, ValueError):
                pass
            self._child.join()
            self._receive.close()
            self._child = None
        if outcome is _FAILED:
            return self._call()
        return outcome  # type: ignore[return-value]
