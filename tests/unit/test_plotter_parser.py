"""ide.core.plotter (printed lines -> series) and ide.core.variables (the board's answer ->
rows): Qt-free, no board."""

from __future__ import annotations

import pytest

from ide.board.variables import globals_code
from ide.core.plotter import MAX_SAMPLES, MAX_SERIES, PlotData, parse_line
from ide.core.variables import Variable, fetch, parse, visible


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("23.5", [("#1", 23.5)]),
        ("-4", [("#1", -4.0)]),
        ("1 2 3", [("#1", 1.0), ("#2", 2.0), ("#3", 3.0)]),
        ("1,2.5,-3e2", [("#1", 1.0), ("#2", 2.5), ("#3", -300.0)]),
        ("(1, 2, 3)", [("#1", 1.0), ("#2", 2.0), ("#3", 3.0)]),
        ("[0.5, .25]", [("#1", 0.5), ("#2", 0.25)]),
        ("temp: 21.5 hum: 40", [("temp", 21.5), ("hum", 40.0)]),
        ("temp: 21.5, hum: 40", [("temp", 21.5), ("hum", 40.0)]),
        ("x=1.5, y=2", [("x", 1.5), ("y", 2.0)]),
        ("x = 1.5; y = 2", [("x", 1.5), ("y", 2.0)]),
        ("{'x': 1, 'y': 2}", [("x", 1.0), ("y", 2.0)]),
        ("room temp: 20", [("room temp", 20.0)]),
        ("温度: 21.5", [("温度", 21.5)]),
        ("3.3V 50%", [("#1", 3.3), ("#2", 50.0)]),
        ("sensor2: 7", [("sensor2", 7.0)]),
        ("a: 1 2", [("a", 1.0), ("#2", 2.0)]),
        ("x=1 x=2", [("x", 1.0), ("x #2", 2.0)]),
    ],
)
def test_lines_of_numbers(line: str, expected: list[tuple[str, float]]) -> None:
    assert parse_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Hello",
        "Hello 3 times",  # words after the last number: a sentence
        "the answer is 42",  # a three-word "name": a sentence
        "Run test2.py",  # a digit inside a word is no number
        "MicroPython v1.24.0 on 2024-10-25; Raspberry Pi Pico with RP2040",
        "Traceback (most recent call last):",
        '  File "<stdin>", line 3, in <module>',
        "0x1F",
        ">>> ",
        "[... output skipped ...]",
    ],
)
def test_text_lines_are_not_data(line: str) -> None:
    assert parse_line(line) is None


def test_samples_series_colours_and_csv() -> None:
    data = PlotData()
    added = data.feed_lines(["Starting", "t: 1", "h: 10", "t: 2, h: 20", "done"])
    assert added == 4 and data.samples == 3 and data.next_x == 3
    t, h = data.series
    assert (t.name, list(t.xs), list(t.ys)) == ("t", [0.0, 2.0], [1.0, 2.0])
    assert (h.name, list(h.xs), list(h.ys)) == ("h", [1.0, 2.0], [10.0, 20.0])
    assert (t.colour, h.colour) == (0, 1)
    assert [(s.name, v) for s, v in data.values_at(2)] == [("t", 2.0), ("h", 20.0)]
    assert data.values_at(7) == []
    assert data.to_csv() == "sample,t,h\n0,1.0,\n1,,10.0\n2,2.0,20.0\n"

    version = data.version
    data.clear()
    assert data.samples == 0 and data.series == [] and data.version > version
    data.feed_lines(["h: 1", "t: 2"])
    assert [(s.name, s.colour) for s in data.series] == [("h", 1), ("t", 0)]  # kept colours


def test_at_most_ten_series_and_a_bounded_history() -> None:
    data = PlotData()
    data.feed_lines([" ".join(f"s{i}={i}" for i in range(12))])
    assert len(data.series) == MAX_SERIES and data.ignored == 2

    data = PlotData()
    data.feed_lines(str(i) for i in range(MAX_SAMPLES + 5))
    assert data.samples <= MAX_SAMPLES
    series = data.series[0]
    assert len(series.xs) == data.samples and series.xs[0] == data.first_x
    assert series.ys[-1] == MAX_SAMPLES + 4


def test_csv_quotes_names() -> None:
    data = PlotData()
    data.feed_lines(['"a,b": 1'])
    assert data.to_csv().splitlines()[0] == 'sample,"a,b"'


# -- the variables' rows -----------------------------------------------------------------------


class _Board:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.code: list[str] = []

    def exec(self, code: str, timeout: float | None = None) -> str:
        self.code.append(code)
        return self.answer


def test_variables_rows_paths_and_hiding() -> None:
    board = _Board(
        "[('_x', 'int', '1', -1, False), ('a', 'list', '[1, 2, 3]', 3, True),"
        " ('machine', 'module', \"<module 'machine'>\", -1, True)]\r\n"
    )
    rows = fetch(board)
    assert [r.path for r in rows] == [("_x",), ("a",), ("machine",)]
    assert [r.label for r in visible(rows, show_hidden=False)] == ["a"]
    assert len(visible(rows, show_hidden=True)) == 3
    assert board.code == [globals_code(())]

    children = parse("[('[0]', 'int', '1', -1, False), ('_y', 'int', '2', -1, False)]", ("a",))
    assert [c.path for c in children] == [("a", 0), ("a", 1)]
    assert not children[1].hidden_by_default  # an attribute "_y" of a value is shown
    assert Variable("big", "list", "[...]", 250, True, ("big",)).more == 150


def test_every_value_enters_the_snippet_through_repr() -> None:
    code = globals_code(('it\'s "odd"\n', 3))
    assert "_hg((" + repr('it\'s "odd"\n') + ", 3),60)" in code


@pytest.mark.parametrize("answer", ["", "oops", "[1, 2]", "[('a', 'int', '1', -1)]", "{}"])
def test_garbage_is_an_error(answer: str) -> None:
    with pytest.raises(ValueError):
        parse(answer)
