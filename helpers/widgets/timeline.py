"""The milestone timeline: every event of the programme as a dot, filtered by programme and years."""

from __future__ import annotations

import ipywidgets as ipw
import pandas as pd

from helpers import data, style
from helpers.widgets.base import assemble, figure_png, widget_figure

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
