"""`asyncio` of Hotaru's virtual board. Runs INSIDE MicroPython (WebAssembly port).

The port's own asyncio is driven by the JavaScript event loop, which a board does not have (and
which is blocked here while Python runs): it has no asyncio.run(). This small scheduler gives
the API beginners' board examples use - run, sleep, sleep_ms, create_task, gather, wait_for,
Event, ThreadSafeFlag, Lock, get_event_loop/new_event_loop - on top of the board's time.sleep_ms,
so Timer callbacks and pin interrupts keep running and Ctrl-C stops a program.

board_runtime.py compiles this on first use of `asyncio` (or `uasyncio`).
"""

import sys
import time
from time import ticks_add, ticks_diff, ticks_ms

_SLEEP = 0  # (command, milliseconds)
_WAIT = 1  # (command, task): resume when that task is done
_PARK = 2  # (command, list): resume when someone takes us out of that list


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):  # noqa: A001 - asyncio's name
    pass


class _State:
    ready = []
    sleepers = []  # [wake tick, task]
    current = None
    stop = False
    handler = None


def _wake(task):
    blocked = task._blocked
    task._blocked = None
    if blocked is not None:
        if isinstance(blocked, list) and task in blocked:
            blocked.remove(task)
        elif isinstance(blocked, Task) and task in blocked._waiters:
            blocked._waiters.remove(task)
    for entry in _State.sleepers:
        if entry[1] is task:
            _State.sleepers.remove(entry)
            break
    if task not in _State.ready:
        _State.ready.append(task)


def _resume(task):
    """Make a task that was taken off its wait list (by whoever it waited for) ready to run."""
    task._blocked = None
    _State.ready.append(task)


class Task:
    def __init__(self, coro):
        self.coro = coro
        self.data = None
        self._waiters = []
        self._blocked = None
        self._throw = None
        self._finished = False
        self._result = None
        self._exc = None
        self._main = False
        self._gathered = False

    def done(self):
        return self._finished

    def cancel(self):
        if self._finished:
            return False
        self._throw = CancelledError()
        if self is not _State.current:
            _wake(self)
        return True

    def __iter__(self):
        if not self._finished:
            yield (_WAIT, self)
        if self._exc is not None:
            raise self._exc
        return self._result

    __await__ = __iter__

    def __repr__(self):
        return "<Task>"


def _finish(task, result, exc):
    """Record the outcome and resume the waiters; True when somebody was waiting."""
    task._finished = True
    task._result = result
    task._exc = exc
    waiters, task._waiters = task._waiters, []
    for t in waiters:
        _resume(t)
    return bool(waiters)


def _step(task):
    _State.current = task
    try:
        if task._throw is not None:
            exc, task._throw = task._throw, None
            command = task.coro.throw(exc)
        else:
            command = task.coro.send(None)
    except StopIteration as e:
        _finish(task, e.value if e.args else None, None)
        return
    except CancelledError as e:
        _finish(task, None, e)
        return
    except Exception as e:
        if not _finish(task, None, e) and not (task._main or task._gathered):
            Loop.call_exception_handler(
                {"message": "Task exception wasn't retrieved", "exception": e, "future": task}
            )
        return
    finally:
        _State.current = None
    if command is None:
        _State.ready.append(task)
    elif command[0] == _SLEEP:
        _State.sleepers.append([ticks_add(ticks_ms(), max(0, command[1])), task])
        task._blocked = None
    elif command[0] == _WAIT:
        other = command[1]
        if other._finished:
            _State.ready.append(task)
        else:
            other._waiters.append(task)
            task._blocked = other
    elif command[0] == _PARK:
        command[1].append(task)
        task._blocked = command[1]


def _run(main=None):
    """Run tasks until `main` is done (or forever / until Loop.stop() without one)."""
    _State.stop = False
    while not _State.stop and not (main is not None and main._finished):
        if _State.ready:
            _step(_State.ready.pop(0))
            continue
        now = ticks_ms()
        due = [e for e in _State.sleepers if ticks_diff(e[0], now) <= 0]
        for e in due:
            _State.sleepers.remove(e)
            _State.ready.append(e[1])
        if due:
            continue
        if _State.sleepers:
            wait = min(ticks_diff(e[0], now) for e in _State.sleepers)
            time.sleep_ms(min(wait, 50))  # wakes early for timers/pins; Ctrl-C raises here
        else:
            time.sleep_ms(10)  # everything waits for an event: an interrupt handler may set it


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    task = Task(coro)
    _State.ready.append(task)
    return task


def _ensure_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


def current_task():
    if _State.current is None:
        raise RuntimeError("no running event loop")
    return _State.current


def sleep_ms(ms):
    yield (_SLEEP, int(ms))


def sleep(seconds):
    yield (_SLEEP, int(seconds * 1000))


def run(coro):
    return Loop.run_until_complete(coro)


def _result(task):
    if task._exc is not None:
        raise task._exc
    return task._result


async def gather(*aws, return_exceptions=False):
    tasks = [_ensure_task(a) for a in aws]
    for t in tasks:
        t._gathered = True  # its exception comes out here, not as "never retrieved"
    results = []
    for t in tasks:
        try:
            results.append(await t)
        except Exception as e:
            if not return_exceptions:
                raise
            results.append(e)
    return results


async def wait_for(aw, timeout):
    task = _ensure_task(aw)
    if timeout is None:
        return await task
    expired = []

    async def expire():
        await sleep(timeout)
        if not task.done():
            expired.append(True)
            task.cancel()

    killer = create_task(expire())
    try:
        return await task
    except CancelledError:
        if expired:
            raise TimeoutError from None
        raise
    finally:
        killer.cancel()


def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout / 1000)


class Event:
    def __init__(self):
        self.state = False
        self.waiting = []

    def is_set(self):
        return self.state

    def set(self):
        self.state = True
        waiting, self.waiting = self.waiting, []
        for t in waiting:
            _resume(t)

    def clear(self):
        self.state = False

    def wait(self):
        if not self.state:
            yield (_PARK, self.waiting)
        return True


class ThreadSafeFlag:
    def __init__(self):
        self.state = False
        self.waiting = []

    def set(self):
        if self.waiting:
            _resume(self.waiting.pop(0))
        else:
            self.state = True

    def clear(self):
        self.state = False

    def wait(self):
        if self.state:
            self.state = False
            return
        yield (_PARK, self.waiting)


class Lock:
    def __init__(self):
        self.state = False
        self.waiting = []

    def locked(self):
        return self.state

    def acquire(self):
        while self.state:
            yield (_PARK, self.waiting)
        self.state = True
        return True

    def release(self):
        if not self.state:
            raise RuntimeError("Lock not acquired")
        self.state = False
        if self.waiting:
            _resume(self.waiting.pop(0))

    async def __aenter__(self):
        await self.acquire()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Loop:
    @staticmethod
    def create_task(coro):
        return create_task(coro)

    @staticmethod
    def run_forever():
        _run()

    @staticmethod
    def run_until_complete(aw):
        task = _ensure_task(aw)
        task._main = True
        _run(task)
        return _result(task)

    @staticmethod
    def stop():
        _State.stop = True

    @staticmethod
    def close():
        pass

    @staticmethod
    def set_exception_handler(handler):
        _State.handler = handler

    @staticmethod
    def get_exception_handler():
        return _State.handler

    @staticmethod
    def default_exception_handler(loop, context):
        print(context["message"])
        print("future:", context["future"], "coro=", context["future"].coro)
        sys.print_exception(context["exception"])

    @staticmethod
    def call_exception_handler(context):
        (_State.handler or Loop.default_exception_handler)(Loop, context)


def get_event_loop(*args):
    return Loop


def new_event_loop():
    _State.ready = []
    _State.sleepers = []
    _State.current = None
    return Loop


def ticks():
    return ticks_ms()
