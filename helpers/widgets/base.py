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


def canvas_png(canvas) -> bytes:
    """Encode what an Agg canvas holds as PNG bytes: opaque RGB, light compression (fast)."""
    width, height = canvas.get_width_height()
    buffer = io.BytesIO()
    picture = PIL.Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba()).convert("RGB")
    picture.save(buffer, format="png", compress_level=1)  # RGB: a quarter less to encode than RGBA
    return buffer.getvalue()


def figure_png(fig) -> bytes:
    """Render a matplotlib figure to PNG bytes (for an ``ipywidgets.Image``).

    Draws the canvas at the figure's own size and encodes it with light
    compression: about twice as fast as ``fig.savefig``.
    """
    fig.canvas.draw()
    return canvas_png(fig.canvas)


class Blitter:
    """Draw a figure's still parts once, then only its moving artists on each change (blitting).

    The moving artists are marked ``animated`` so that the full draw leaves them out;
    :meth:`png` pastes the saved background, draws them on top and encodes the
    picture. This keeps a slider change to a few milliseconds, where redrawing every
    tick label would take several times longer.

    >>> fig, ax = widget_figure()
    >>> line, = ax.plot([0, 1], [0, 1])
    >>> blitter = Blitter(fig, [line])
    >>> line.set_ydata([1, 0]); blitter.png()[:4]
    b'\\x89PNG'
    """

    def __init__(self, fig, artists):
        self.fig, self.artists = fig, list(artists)
        for artist in self.artists:
            artist.set_animated(True)
        fig.canvas.draw()
        self.background = fig.canvas.copy_from_bbox(fig.bbox)

    def png(self) -> bytes:
        canvas = self.fig.canvas
        canvas.restore_region(self.background)
        for artist in self.artists:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        return canvas_png(canvas)


def assemble(controls: dict, image: ipw.Image, summary: ipw.HTML) -> ipw.VBox:
    """Lay out controls above the picture and the summary; attach the test hooks."""
    box = ipw.VBox([ipw.HBox(list(controls.values())), image, summary])
    box.controls = controls
    box.summary = summary
    return box
