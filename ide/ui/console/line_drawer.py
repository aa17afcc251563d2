"""How the console draws one line: its coloured runs, the traceback ``File "..."`` links (the
run's "<stdin>" named and linked as the script that ran) and the explanation under a finished
traceback. Owned by :class:`ConsoleWidget` (``widget.lines``), with the state it needs."""

from __future__ import annotations

from collections.abc import Callable

from ide.core.console.screen import DEFAULT_STYLE, Line, TracebackWatcher, file_links
from ide.ui.console.formats import LINK_SCHEME, RunWriter


class LineDrawer:
    """Writes the console's lines through a RunWriter; watches them for tracebacks."""

    def __init__(self, explainer: Callable[[str], str | None] | None = None) -> None:
        self.explainer = explainer
        #: (the script for links, the name shown) of the run whose "<stdin>" tracebacks are
        #: being drawn; None at the REPL, whose "<stdin>" is no file at all
        self.run_script: tuple[str, str] | None = None
        self.traceback = TracebackWatcher()

    def write(self, writer: RunWriter, line: Line, finished: bool) -> None:
        links = file_links(line.text) if finished else []
        if not links:
            for start, end, style in line.runs:
                writer.add(line.text[start:end], style)
        else:
            pos = 0
            for start, end, name, number in links:
                self.write_span(writer, line, pos, start, None)
                pos = end
                if name not in ("<stdin>", "<string>"):
                    self.write_span(writer, line, start, end, f"{LINK_SCHEME}{number}:{name}")
                elif self.run_script is None:  # typed at the REPL: no file to show
                    self.write_span(writer, line, start, end, None)
                else:  # the program that was run: its own name, shown and linked
                    script, shown = self.run_script
                    style = next((s for a, b, s in line.runs if a <= start < b), DEFAULT_STYLE)
                    writer.add(
                        f'File "{shown}", line {number}', style, f"{LINK_SCHEME}{number}:{script}"
                    )
            self.write_span(writer, line, pos, len(line.text), None)
        if finished:
            done = self.traceback.feed_line(line.text)
            if done is not None and self.explainer is not None:
                explanation = self.explainer(done)
                if explanation:
                    writer.add("\n", DEFAULT_STYLE)
                    writer.add(explanation, DEFAULT_STYLE, "explain")

    @staticmethod
    def write_span(writer: RunWriter, line: Line, start: int, end: int, href: str | None) -> None:
        for r_start, r_end, style in line.runs:
            lo, hi = max(start, r_start), min(end, r_end)
            if lo < hi:
                writer.add(line.text[lo:hi], style, href)
