"""The course's interactive widgets, each built by a function that returns it.

Every factory returns an ``ipywidgets.VBox`` with two extra attributes, so tests
and the benchmark can drive it without a browser:

- ``controls``: a dict of the widgets a learner moves (sliders, dropdowns);
- ``summary``: an ``HTML`` widget whose text states the numbers the plot shows.

Callbacks update the figure's artists in place and send the picture to an
``ipywidgets.Image`` (no ``with out:`` blocks, which only work in a live front
end), so a change shows at once and a test can read it::

    from helpers import widgets
    w = widgets.timeline()
    w.controls["programme"].value = "Chang'e"
    w.summary.value        # '<b>16 milestones</b> of Chang'e from 1970 to 2035. ...'

One module per widget family (``timeline``, ...); ``base`` holds what they share.
``FACTORIES`` lists every widget the course ships, by name, so the tests and
``make bench`` find them all.
"""

from helpers.widgets.base import assemble, figure_png, widget_figure
from helpers.widgets.orbit import altitude_explorer, ground_track_map
from helpers.widgets.rocket import launches_per_year, rocket_equation
from helpers.widgets.timeline import timeline

FACTORIES = {
    "timeline": timeline,
    "altitude_explorer": altitude_explorer, "ground_track_map": ground_track_map,
    "rocket_equation": rocket_equation, "launches_per_year": launches_per_year,
}

__all__ = ["FACTORIES", "assemble", "figure_png", "timeline", "widget_figure"]
