"""The plotter's drawing: pyqtgraph curves over an ide.core.plotter.PlotData.

Imported only when the plotter is first shown (pyqtgraph and numpy cost ~150 ms to import;
the first frame never waits for them). The pane calls :meth:`PlotView.redraw` once per frame,
however many lines arrived in between, and only the visible window's points go to pyqtgraph
while it follows the live data.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ide.core.plotter import MAX_SERIES, PlotData, Series

#: ten colours told apart also by most colour-blind eyes (Tableau 10)
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
assert len(PALETTE) >= MAX_SERIES


class PlotView(QWidget):
    """The curves, the legend (click a name to hide its curve) and the hover read-out."""

    #: the user dragged or zoomed the plot: the pane pauses, so the view stays put
    user_moved = Signal()

    def __init__(self, data: PlotData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.window_width = 200  # samples shown while following the live data
        self.following = True
        self._drawn_version = -1
        self._curves: dict[int, Any] = {}  # id(Series) -> PlotDataItem
        #: GUI-thread seconds of each redraw (the bench reads it)
        self.frame_costs: list[float] = []

        pg.setConfigOptions(antialias=False)  # thin lines, many points: speed over polish
        base = self.palette().color(QPalette.ColorRole.Base)
        text = self.palette().color(QPalette.ColorRole.Text)
        self.plot = pg.PlotWidget(background=base)
        self.plot.setObjectName("plotWidget")
        item = self.plot.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(text)
            axis.setTextPen(text)
        # (no grid: pyqtgraph replays it from a QPicture on every paint, ~18 ms per axis)
        item.setMenuEnabled(False)  # pyqtgraph's own menu is English-only
        item.hideButtons()
        self.legend = item.addLegend(offset=(8, 8), labelTextColor=text)
        self.viewbox = item.getViewBox()
        self.viewbox.setMouseEnabled(x=True, y=False)  # scrolling back is along x
        self.viewbox.setAutoVisible(y=True)  # y fits what is in the window
        self.viewbox.enableAutoRange(y=True)
        self.viewbox.sigRangeChangedManually.connect(lambda *_: self.user_moved.emit())
        self._cursor = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(text, width=1, style=Qt.PenStyle.DotLine)
        )
        self._cursor.setZValue(10)
        self._cursor.hide()
        self._readout = pg.TextItem(color=text, fill=pg.mkBrush(base), anchor=(0, 0))
        self._readout.setZValue(11)
        self._readout.hide()
        item.addItem(self._cursor, ignoreBounds=True)
        item.addItem(self._readout, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._hover)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def redraw(self, force: bool = False) -> None:
        data = self.data
        if not force and (data.version == self._drawn_version or not self.following):
            return  # nothing new, or paused: the picture stays as the user left it
        started = time.thread_time()
        self._drawn_version = data.version
        live = {id(s) for s in data.series}
        for key in [k for k in self._curves if k not in live]:  # cleared
            curve = self._curves.pop(key)
            self.plot.getPlotItem().removeItem(curve)
        end = data.next_x
        start = max(data.first_x, end - self.window_width)
        for series in data.series:
            curve = self._curves.get(id(series))
            if curve is None:
                curve = self._new_curve(series)
            # Following: only the window's points go to pyqtgraph. Paused: all of them once,
            # so the user can scroll back over the whole history.
            lo = bisect_left(series.xs, start) if self.following else 0
            curve.setData(_array(series.xs, lo), _array(series.ys, lo))
            lone = len(series.xs) - lo == 1  # one point draws no line: show it as a dot
            if lone != (curve.opts.get("symbol") is not None):
                curve.setSymbol("o" if lone else None)
                curve.setSymbolBrush(PALETTE[series.colour % len(PALETTE)])
        if self.following:
            self.viewbox.setXRange(start, max(end - 1, start + 1), padding=0.02)
        self.frame_costs.append(time.thread_time() - started)
        del self.frame_costs[:-1000]

    def _new_curve(self, series: Series) -> Any:
        colour = PALETTE[series.colour % len(PALETTE)]
        curve = self.plot.getPlotItem().plot(
            pen=pg.mkPen(colour, width=2), name=series.name, symbol=None
        )
        curve.setClipToView(True)
        curve.setDownsampling(auto=True, method="peak")  # a long history stays fast
        self._curves[id(series)] = curve
        return curve

    def visible_series(self) -> list[str]:
        """The names whose curves show (the legend hides and shows them)."""
        return [s.name for s in self.data.series if self._curves.get(id(s)) is not None
                and self._curves[id(s)].isVisible()]  # fmt: skip

    def set_series_visible(self, name: str, visible: bool) -> None:
        for series in self.data.series:
            curve = self._curves.get(id(series))
            if series.name == name and curve is not None:
                curve.setVisible(visible)

    def _hover(self, pos: QPointF) -> None:
        if not self.plot.sceneBoundingRect().contains(pos) or not self.data.samples:
            self._cursor.hide()
            self._readout.hide()
            return
        point = self.viewbox.mapSceneToView(pos)
        self.show_values_at(round(point.x()), point.y())

    def show_values_at(self, x: int, y: float | None = None) -> str:
        """Show the values of sample ``x`` by the cursor; return the text shown."""
        values = self.data.values_at(x)
        if not values:
            self._cursor.hide()
            self._readout.hide()
            return ""
        lines = [self.tr("Sample {number}").format(number=x)] + [
            f"{series.name}: {value:g}" for series, value in values
        ]
        text = "\n".join(lines)
        self._readout.setText(text)
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        # near the right edge the read-out goes left of the cursor, so it stays readable
        self._readout.setAnchor((1, 0) if x > (x0 + x1) / 2 else (0, 0))
        self._readout.setPos(x, y1 if y is None else y)
        self._cursor.setPos(x)
        self._cursor.show()
        self._readout.show()
        return text


def _array(values: Any, start: int) -> Any:
    # A copy: a numpy view of the array.array would keep it from growing (BufferError).
    return np.frombuffer(values[start:], dtype=np.float64) if start < len(values) else np.empty(0)
