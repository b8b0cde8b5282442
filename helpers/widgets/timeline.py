"""The milestone timeline: every event of the programme as a dot, filtered by programme and years.

The chosen years are shaded and the dots outside the choice fade, so only those
two artists move: they are blitted over a background drawn once.
"""

from __future__ import annotations

import ipywidgets as ipw
import matplotlib.dates as mdates
import pandas as pd

from helpers import data, style
from helpers.widgets.base import Blitter, assemble, widget_figure

ALL = "All programmes"


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
    ax.set_xlim(pd.Timestamp(first, 1, 1) - pd.Timedelta(days=365), pd.Timestamp(last, 12, 31) + pd.Timedelta(days=365))
    shade = ax.axvspan(0, 1, color=style.OKABE_ITO["sky blue"], alpha=0.15, zorder=1)
    style.label(ax, "Date", "Programme", "Milestones of China's space programme")
    fig.tight_layout()
    blitter = Blitter(fig, [shade, dots])

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
        start, end = (mdates.date2num(pd.Timestamp(span.value[0], 1, 1)),
                      mdates.date2num(pd.Timestamp(span.value[1] + 1, 1, 1)))
        shade.set_x(start)
        shade.set_width(end - start)
        image.value = blitter.png()
        summary.value = _timeline_summary(events[chosen], programme.value, span.value)

    programme.observe(update, names="value")
    span.observe(update, names="value")
    update()
    return assemble({"programme": programme, "years": span}, image, summary)


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
