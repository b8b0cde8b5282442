"""The course's plotting look: one call sets it for a whole notebook.

>>> from helpers import style
>>> style.use()                                   # doctest: +SKIP
>>> fig, ax = plt.subplots()                      # doctest: +SKIP
>>> style.label(ax, "Year", "Launches per year", "Long March launches, 1970-2025")  # doctest: +SKIP

Colours are the Okabe-Ito palette, chosen to stay distinct for readers with any
common colour-vision deficiency (Okabe and Ito, "Color Universal Design", 2008,
https://jfly.uni-koeln.de/color/).

Chinese characters. Plots can show 天宫 only if a font with Chinese characters
(a CJK font) is installed; otherwise matplotlib would draw empty boxes and warn
"Glyph missing". :func:`use` looks for such a font and adds it as a fallback
after the usual Latin font. :func:`zh` gives a name with characters when the
font is there and in pinyin alone when it is not, so plots never show boxes.
In markdown cells the browser draws the characters, so use them freely there.
"""

from __future__ import annotations

import logging
from functools import cache

import matplotlib as mpl
from matplotlib import font_manager

OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}

#: The order in which a plot's lines and bars take their colours.
PALETTE = [OKABE_ITO[name] for name in (
    "blue", "orange", "bluish green", "vermillion", "sky blue", "reddish purple", "yellow", "black"
)]

#: Fonts with Chinese characters, in order of preference (Linux, macOS, Windows names).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "PingFang SC",
    "Heiti SC",
    "Microsoft YaHei",
    "SimHei",
)

LATIN_FONT = "DejaVu Sans"  # ships with matplotlib, so it is always there


@cache
def cjk_font() -> str | None:
    """Return the name of an installed font with Chinese characters, or None if there is none."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def zh(hanzi: str, pinyin: str) -> str:
    """Return a Chinese name for a plot: characters and pinyin if a CJK font is installed.

    >>> zh("天宫", "Tiangong") in ("天宫 Tiangong", "Tiangong")
    True
    """
    return f"{hanzi} {pinyin}" if cjk_font() else pinyin


def use() -> None:
    """Set the course look for every plot that follows in this kernel.

    Okabe-Ito colours, sizes that read well on a projector, a light grid, no top
    and right frame, and a CJK font as a fallback when one is installed.
    """
    family = [LATIN_FONT] + ([cjk_font()] if cjk_font() else [])
    # The CJK fonts have no bold face: matplotlib uses the regular one for bold titles and
    # would log "Failed to find font weight bold" into the notebook; that is expected, not an error.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    mpl.rcParams.update({
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
        "figure.figsize": (9, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "font.family": family,  # a list: matplotlib falls back to the CJK font glyph by glyph
        "font.sans-serif": family,
        "font.size": 12,
        "axes.titlesize": 14,
        "axes.titleweight": "bold",
        "axes.labelsize": 12,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "image.cmap": "cividis",
    })


def label(ax, xlabel: str, ylabel: str, title: str) -> None:
    """Label a plot's axes and title in one call; units go in brackets, e.g. ``"Mass (g)"``.

    All three are required so that no course plot goes out unlabelled.
    """
    for what, text in (("xlabel", xlabel), ("ylabel", ylabel), ("title", title)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"label() needs a non-empty {what}; got {text!r}.")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
