"""The plotter's model: finished lines of a program's output -> numbered series of points.

Qt-free. The console hands every finished line to :meth:`PlotData.feed_lines` (the same
lines it draws: there is one reader of the board's bytes); lines that hold numbers become
one sample each, text lines are skipped. What counts as a line of numbers:

    23.5                     one unnamed value           -> series "#1"
    1 2 3 / 1,2,3 / (1, 2, 3) several unnamed values     -> "#1", "#2", "#3" (by position)
    temp: 21.5 hum: 40       named values (``name:``)    -> "temp", "hum"
    x=1.5, y=2               named values (``name=``)    -> "x", "y"
    {'x': 1, 'y': 2}         a printed dict              -> "x", "y"
    3.3V / 50% / 21.5°C      a short unit glued to a number is allowed

A line is text (skipped) when words follow its last number ("Hello 3 times") or when what
stands before a number is not a short name ("the answer is 42, said Bob").
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

#: at most this many series; values of further names are ignored (and counted)
MAX_SERIES = 10
#: samples kept for scrolling back and export; beyond it the oldest tenth goes
MAX_SAMPLES = 100_000

# A number not glued to a word or another number ("test2.py", "0x1F" and "v1.24" are text),
# optionally followed by a short unit ("3.3V", "50%", "21.5°C").
_NUMBER = re.compile(
    r"(?<![\w.])([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(?:[A-Za-z%°µ]{1,3})?(?![\w.])"
)
_DIGIT = re.compile(r"\d")
# what may separate values and names: spaces, commas, brackets, quotes, bars
_SEPARATORS = " \t,;()[]{}|'\""
_MAX_NAME = 32
_MAX_NAME_WORDS = 2  # "room temp: 21" is a name, "the answer is 42" a sentence


def _name(gap: str) -> str | None:
    """The name in the text before a number: "" for none, None when it is not a name."""
    text = gap.strip(_SEPARATORS).rstrip(":=").strip(_SEPARATORS)
    if not text:
        return ""
    if len(text) > _MAX_NAME or len(text.split()) > _MAX_NAME_WORDS:
        return None
    if not (text[0].isalpha() or text[0] == "_"):
        return None
    return text


def parse_line(text: str) -> list[tuple[str, float]] | None:
    """The (series name, value) pairs of a line of output, or None for a text line.

    Unnamed values are named by their position on the line: "#1", "#2"...; a name used twice
    on one line gets its position too ("x", "x #2")."""
    if not _DIGIT.search(text):  # most text lines end here, cheaply
        return None
    values: list[tuple[str, float]] = []
    seen: set[str] = set()
    end = 0
    for position, match in enumerate(_NUMBER.finditer(text), start=1):
        name = _name(text[end : match.start()])
        if name is None:
            return None
        if not name:
            name = f"#{position}"
        elif name in seen:
            name = f"{name} #{position}"
        seen.add(name)
        values.append((name, float(match.group(1))))
        end = match.end()
    if not values or text[end:].strip(_SEPARATORS):
        return None  # no number, or words after the last one: a sentence
    return values


@dataclass
class Series:
    """One named series: its points (sample number, value) in the order they came."""

    name: str
    colour: int  # index into the view's palette: a series keeps its colour
    xs: array[float] = field(default_factory=lambda: array("d"))
    ys: array[float] = field(default_factory=lambda: array("d"))


class PlotData:
    """The samples so far. One data line = one sample (x = its number, from 0)."""

    def __init__(self) -> None:
        self.series: list[Series] = []
        self._by_name: dict[str, Series] = {}
        self._colours: dict[str, int] = {}  # kept across clear(): a name keeps its colour
        #: each sample: x and the (series, value) pairs it had, for export
        self._rows: list[tuple[int, tuple[tuple[Series, float], ...]]] = []
        self.next_x = 0
        #: values skipped because MAX_SERIES names were in use already
        self.ignored = 0
        #: bumps on every change; the view redraws when it differs from what it drew
        self.version = 0

    def feed_lines(self, lines: Iterable[str]) -> int:
        """Add the samples among ``lines``; return how many points were added."""
        added = 0
        for text in lines:
            values = parse_line(text)
            if values is None:
                continue
            x = self.next_x
            row: list[tuple[Series, float]] = []
            for name, value in values:
                series = self._series(name)
                if series is None:
                    self.ignored += 1
                    continue
                series.xs.append(x)
                series.ys.append(value)
                row.append((series, value))
            if row:
                self._rows.append((x, tuple(row)))
                self.next_x += 1
                added += len(row)
        if added:
            self.version += 1
            if len(self._rows) > MAX_SAMPLES:
                self._forget(len(self._rows) - MAX_SAMPLES + MAX_SAMPLES // 10)
        return added

    def _series(self, name: str) -> Series | None:
        series = self._by_name.get(name)
        if series is None:
            if len(self.series) >= MAX_SERIES:
                return None
            colour = self._colours.setdefault(name, len(self._colours) % MAX_SERIES)
            series = Series(name, colour)
            self.series.append(series)
            self._by_name[name] = series
        return series

    def _forget(self, count: int) -> None:
        """Drop the oldest ``count`` samples (memory stays bounded in a run of days)."""
        first_kept = self._rows[count][0]
        del self._rows[:count]
        for series in self.series:
            cut = bisect_left(series.xs, first_kept)
            del series.xs[:cut]
            del series.ys[:cut]

    @property
    def samples(self) -> int:
        return len(self._rows)

    @property
    def first_x(self) -> int:
        return self._rows[0][0] if self._rows else self.next_x

    def clear(self) -> None:
        """Forget every sample and series (names keep their colours)."""
        self.series.clear()
        self._by_name.clear()
        self._rows.clear()
        self.next_x = 0
        self.ignored = 0
        self.version += 1

    def values_at(self, x: int) -> list[tuple[Series, float]]:
        """The values of sample ``x`` (hover), [] if there is none."""
        i = bisect_left(self._rows, x, key=lambda row: row[0])
        if i < len(self._rows) and self._rows[i][0] == x:
            return list(self._rows[i][1])
        return []

    def to_csv(self) -> str:
        """The samples as CSV: a "sample" column, then one column per series (empty where a
        sample had no value for it)."""
        columns = {id(s): i for i, s in enumerate(self.series)}
        out = [",".join(["sample"] + [_csv_field(s.name) for s in self.series])]
        for x, row in self._rows:
            cells = [""] * len(self.series)
            for series, value in row:
                cells[columns[id(series)]] = repr(value)
            out.append(",".join([str(x)] + cells))
        return "\n".join(out) + "\n"


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
