"""The plotting style: Okabe-Ito colours, labelled axes, and Chinese names that never draw empty boxes."""

import warnings

import matplotlib
import pytest

matplotlib.use("agg")
import matplotlib.pyplot as plt  # noqa: E402

from helpers import style  # noqa: E402

OKABE_ITO_HEX = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


@pytest.fixture
def no_cjk(monkeypatch):
    """Pretend no CJK font is installed."""
    monkeypatch.setattr(style, "cjk_font", lambda: None)


def draw_with_chinese_names():
    style.use()
    fig, ax = plt.subplots()
    ax.bar([style.zh("天宫", "Tiangong"), style.zh("嫦娥", "Chang'e")], [1, 2])
    style.label(ax, "Programme", "Missions (count)", style.zh("中国航天", "China in space"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    return [str(w.message) for w in caught]


def test_palette_is_okabe_ito():
    assert set(style.PALETTE) == OKABE_ITO_HEX
    style.use()
    cycle = [c["color"] for c in matplotlib.rcParams["axes.prop_cycle"]]
    assert cycle == style.PALETTE


def test_without_cjk_font_names_are_pinyin_and_nothing_warns(no_cjk):
    assert style.zh("天宫", "Tiangong") == "Tiangong"
    assert draw_with_chinese_names() == []


def test_with_cjk_font_names_have_characters_and_nothing_warns():
    if style.cjk_font() is None:
        pytest.skip("No CJK font installed: `make system-deps` (as root) installs fonts-wqy-microhei.")
    assert style.zh("天宫", "Tiangong") == "天宫 Tiangong"
    style.use()
    assert style.cjk_font() in matplotlib.rcParams["font.sans-serif"]
    messages = draw_with_chinese_names()
    assert not [m for m in messages if "Glyph" in m], messages


def test_characters_without_a_font_would_warn(no_cjk):
    """The reason zh() exists: with no CJK font, characters become boxes and matplotlib warns."""
    style.use()
    fig, ax = plt.subplots()
    ax.set_title("天宫")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    plt.close(fig)
    assert any("Glyph" in str(w.message) for w in caught)


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_label_refuses_an_empty_label(bad):
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="non-empty"):
        style.label(ax, bad, "Mass (g)", "Title")
    plt.close(fig)


def test_label_sets_all_three():
    fig, ax = plt.subplots()
    style.label(ax, "Year", "Launches (count)", "Long March launches per year")
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == (
        "Year", "Launches (count)", "Long March launches per year")
    plt.close(fig)
