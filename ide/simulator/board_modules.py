# ruff: noqa: F821 - the names come from board_runtime.py's namespace, where this runs
"""A board's built-in modules on the virtual board. Runs INSIDE MicroPython: board_runtime.py
executes it in its own namespace (so the names here are the runtime's), the same way on every
fresh interpreter: the module type that time, os, sys, machine and the kit modules are made of
(fixed names, a board's messages, repr, dir and help as on a board), and __import__, through
which `from machine import x` meets a board's ImportError.
"""

_NO_ATTRIBUTE = "'module' object has no attribute '"
# what sys lets a program set on rp2 and esp32 (py/modsys.c's mutable attributes at their
# feature level; sys.tracebacklimit is not among them there)
_SYS_SETTABLE = ("path", "ps1", "ps2")


def _store_attr(self, name, value):
    """A built-in module's globals are a fixed table in flash: storing into it raises what a
    board raises (py/runtime.c mp_store_attr, MICROPY_ERROR_REPORTING_NORMAL as on rp2 and
    esp32). sys.path/ps1/ps2 are the exception; they are stored through to the interpreter's own
    sys, so imports and the REPL's prompt follow them as on a board."""
    if self.__name__ == "sys" and name in _SYS_SETTABLE:
        setattr(_real_sys, name, value)
        object.__setattr__(self, name, value)
        return
    raise AttributeError(_NO_ATTRIBUTE + name + "'")


def _delete_attr(self, name):
    if self.__name__ == "sys" and name in _SYS_SETTABLE:
        delattr(_real_sys, name)
        object.__delattr__(self, name)
        return
    raise AttributeError(_NO_ATTRIBUTE + name + "'")


def _module_repr(self):
    return "<module '" + self.__name__ + "'>"


# a plain object (no methods of its own) holding a module's names, for dir() to probe
_Names = type("module", (), {})


def _module_dir(self):
    """dir() of a built-in module: its names, in the order dir() finds them (it probes every
    name, py/modbuiltins.c), without this class's own __setattr__/__delattr__/__repr__/__dir__,
    which no board's module shows: the same probe over a plain object holding the same names."""
    if type(self) is _LazyModule and self.__name__ in _lazy_sources:
        _first_use(self, "__name__")  # compiled first: dir(machine) lists machine's names
    plain = object.__new__(_Names)
    for key, value in self.__dict__.items():
        setattr(plain, key, value)
    return dir(plain)


# Named "module" so that type(time) prints <class 'module'> as on a board; made with type() and
# no class body, so dir() of a module shows no __module__/__qualname__/__init__ (and __dir__
# hides the methods). A missing name raises the board's message by itself (the message names
# the type), and, with no __getattr__, `from sys import nope` is the ImportError a board raises.
module = type(
    "module",
    (),
    {
        "__setattr__": _store_attr,
        "__delattr__": _delete_attr,
        "__repr__": _module_repr,
        "__dir__": _module_dir,
    },
)


_real_help = builtins.help


def _help(*args):
    """help() as a board's (py/builtinhelp.c): a module's help lists its names; the interpreter's
    own would list the module class's methods, the module objects not being its modules."""
    if len(args) == 1 and isinstance(args[0], module):
        obj = args[0]
        if type(obj) is _LazyModule and obj.__name__ in _lazy_sources:
            _first_use(obj, "__name__")  # compiled first: help(machine) lists machine's names
        print("object " + repr(obj) + " is of type module")
        for key, value in obj.__dict__.items():
            print("  " + key + " -- " + str(value))
        return None
    if len(args) == 1 and (args[0] is module or args[0] is _LazyModule):
        print("object <class 'module'> is of type type")  # the module type has no methods
        return None
    return _real_help(*args)


builtins.help = _help


def _builtin_module(name, names, cls=module):
    """A module object holding ``names`` (a dict), refusing new ones."""
    m = object.__new__(cls)
    object.__setattr__(m, "__name__", name)
    for key in names:
        object.__setattr__(m, key, names[key])
    return m


_real_import = builtins.__import__


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    """`from machine import pin` as on a board: a module still to be compiled on first use
    (board_runtime.py, _lazy) is compiled first, so a name it lacks is a board's ImportError
    ("can't import name pin"), not the placeholder's AttributeError (which `machine.pin`
    rightly raises)."""
    got = _real_import(name, globals, locals, fromlist, level)
    if fromlist and type(got) is _LazyModule and got.__name__ in _lazy_sources:
        _first_use(got, "__name__")
        return sys.modules.get(name, got)
    return got


builtins.__import__ = _import
