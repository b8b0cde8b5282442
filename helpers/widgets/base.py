"""What every course widget shares: a figure drawn outside pyplot, sent to an Image as PNG,
and a layout with two hooks, ``controls`` and ``summary``, for tests and the benchmark."""

from __future__ import annotations

import io

import ipywidgets as ipw
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


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


def assemble(controls: dict, image: ipw.Image, summary: ipw.HTML) -> ipw.VBox:
    """Lay out controls above the picture and the summary; attach the test hooks."""
    box = ipw.VBox([ipw.HBox(list(controls.values())), image, summary])
    box.controls = controls
    box.summary = summary
    return box
