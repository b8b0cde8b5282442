"""The course's interactive widgets, each built by a function that returns it.

Every factory returns an ``ipywidgets.VBox`` with two extra attributes, so tests
and the benchmark can drive it without a browser:

- ``controls``: a dict of the widgets a learner moves (sliders, dropdowns);
- ``summary``: an ``HTML`` widget whose text states the numbers the plot shows.

Callbacks update the figure's artists in place and send the picture to an
``ipywidgets.Image`` (no ``with out:`` blocks, which only work in a live front
end), so a change of value shows at once and can be checked in a test:

>>> from helpers import widgets
>>> w = widgets.timeline()                                   # doctest: +SKIP
>>> w.controls["programme"].value = "Chang'e"                # doctest: +SKIP
>>> w.summary.value                                          # doctest: +SKIP
'<b>12 milestones</b> of Chang'e from 2007 to 2024 ...'

``FACTORIES`` lists every widget the course ships, by name, so the tests and
``make bench`` can find them all.
"""

from __future__ import annotations

import io

import ipywidgets as ipw
import pandas as pd
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import data, style

ALL = "All programmes"


def widget_figure(figsize=(9, 4.5)):
    """Return a (figure, axes) pair for a widget, outside pyplot so the notebook never shows it twice."""
    fig = Figure(figsize=figsize, dpi=90)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def figure_png(fig) -> bytes:
    """Render a matplotlib figure to PNG bytes (for an ``ipywidgets.Image``).

    Draws the canvas at the figure's own size and encodes it with light
    compression: about twice as fast as ``fig.savefig``, which keeps sliders instant.
    """
    fig.canvas.draw()
    width, height = fig.canvas.get_width_height()
    buffer = io.BytesIO()
    PIL.Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba()).save(
        buffer, format="png", compress_level=1
    )
    return buffer.getvalue()


def _assemble(controls: dict, image: ipw.Image, summary: ipw.HTML) -> ipw.VBox:
    """Lay out controls above the picture and the summary; attach the test hooks."""
    box = ipw.VBox([ipw.HBox(list(controls.values())), image, summary])
    box.controls = controls
    box.summary = summary
    return box


def timeline(milestones: pd.DataFrame | None = None) -> ipw.VBox:
    """A timeline of the programme's milestones that a learner filters by programme and years.

    Parameters
    ----------
    milestones : DataFrame, optional
        Rows with ``date``, ``programme``, ``mission`` and ``event`` columns;
        by default the course's ``data/milestones.csv``.
    """
    if milestones is None:
        milestones = data.load("milestones")
    events = milestones.sort_values("date").reset_index(drop=True)
    programmes = list(dict.fromkeys(events["programme"]))
    lanes = {name: i for i, name in enumerate(programmes)}
    years = events["date"].dt.year
    first, last = int(years.min()), int(years.max())

    programme = ipw.Dropdown(options=[ALL, *programmes], value=ALL, description="Programme")
    span = ipw.IntRangeSlider(value=(first, last), min=first, max=last, description="Years",
                              continuous_update=False, layout=ipw.Layout(width="420px"))

    style.use()
    fig, ax = widget_figure(figsize=(9, 3.8))
    colours = [style.PALETTE[lanes[p] % len(style.PALETTE)] for p in events["programme"]]
    y = events["programme"].map(lanes).to_numpy(dtype=float)
    dots = ax.scatter(events["date"], y, c=colours, s=40, zorder=3)
    ax.set_yticks(range(len(programmes)), programmes)
    ax.invert_yaxis()
    style.label(ax, "Date", "Programme", "Milestones of China's space programme")
    fig.tight_layout()

    image = ipw.Image(format="png")
    summary = ipw.HTML()
    base_colours = dots.get_facecolors().copy()

    def update(_change=None):
        chosen = (years >= span.value[0]) & (years <= span.value[1])
        if programme.value != ALL:
            chosen &= events["programme"] == programme.value
        faded = base_colours.copy()
        faded[~chosen.to_numpy(), 3] = 0.08
        dots.set_facecolors(faded)
        ax.set_xlim(pd.Timestamp(span.value[0], 1, 1), pd.Timestamp(span.value[1], 12, 31))
        image.value = figure_png(fig)
        summary.value = _timeline_summary(events[chosen], programme.value, span.value)

    programme.observe(update, names="value")
    span.observe(update, names="value")
    update()
    return _assemble({"programme": programme, "years": span}, image, summary)


def _timeline_summary(chosen: pd.DataFrame, programme: str, span: tuple[int, int]) -> str:
    who = "all programmes" if programme == ALL else programme
    head = f"<b>{len(chosen)} milestones</b> of {who} from {span[0]} to {span[1]}"
    if chosen.empty:
        return head + "."
    rows = "".join(
        f"<li>{row.date:%Y-%m-%d}: <b>{row.mission}</b>, {row.event}</li>"
        for row in chosen.tail(5).itertuples()
    )
    return f"{head}. The latest:<ul>{rows}</ul>"


FACTORIES = {
    "timeline": timeline,
}
