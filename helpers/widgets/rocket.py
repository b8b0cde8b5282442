"""Notebook 01's widgets: the rocket equation against the climb to orbit, and the Long March launch log by year.

- :func:`rocket_equation`: sliders for specific impulse, mass ratio per stage and number of
  stages; the reachable delta-v against the ~9.4 km/s it takes to reach low Earth orbit, with
  the engines of Long March 2F and Long March 5 marked (from ``data/rockets.csv``).
- :func:`launches_per_year`: the per-launch log (``data/long_march_launches.csv``) as bars per
  year, with a dropdown for the rocket family and a slider for the years.

Both draw their still parts once and redraw only what moves (blitting), so a change takes a
few milliseconds plus the PNG encoding.

Example
-------
>>> w = rocket_equation()                          # doctest: +SKIP
>>> w.controls["stages"].value = 3                 # doctest: +SKIP
>>> w.summary.value                                # doctest: +SKIP
'<b>Delta-v 12.24 km/s</b> from 3 stages ...'
"""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
import pandas as pd

from helpers import data, rocket, style
from helpers.widgets.base import Blitter, assemble, widget_figure

#: Range of the specific-impulse slider and of the plot's x axis (s).
ISP_RANGE_S = (200, 470)
#: Range of the mass-ratio slider (initial mass / final mass of each stage).
MASS_RATIO_RANGE = (1.5, 12.0)
#: Top of the rocket-equation plot's y axis (km/s).
DELTA_V_TOP_KM_S = 25.0
#: Years of the per-launch log that are whole years (it stops on 2022-07-29).
LOG_YEARS = (1970, 2021)
ALL_FAMILIES = "All Long March rockets"


# --------------------------------------------------------------------------- the rocket equation


def delta_v_to_leo_km_s(reference: pd.DataFrame | None = None) -> float:
    """Delta-v needed to reach low Earth orbit from the ground, gravity and drag losses included (km/s).

    From ``data/launch_reference.csv`` (row ``delta_v_to_leo_km_s``).

    >>> delta_v_to_leo_km_s()
    9.4
    """
    if reference is None:
        reference = data.load("launch_reference")
    return float(reference.set_index("quantity").loc["delta_v_to_leo_km_s", "value"])


def engine_marks(rockets: pd.DataFrame | None = None) -> list[tuple[str, float]]:
    """The Long March engines to mark on the rocket-equation plot: (label, specific impulse in s).

    One mark per distinct (vehicle, propellant) of the stages in ``data/rockets.csv`` that burn
    from the ground, i.e. boosters and first stages, lowest specific impulse first.

    >>> [label for label, _ in engine_marks()][0]
    'Long March 2F (N2O4/UDMH)'
    """
    if rockets is None:
        rockets = data.load("rockets")
    lifting = rockets[rockets["part"].isin(["booster", "first stage"])]
    marks = {}
    for row in lifting.itertuples():
        marks.setdefault(f"{row.vehicle} ({row.propellant})", float(row.isp_s))
    return sorted(marks.items(), key=lambda item: item[1])


def staged_delta_v_km_s(isp_s, mass_ratio, stages: int):
    """Ideal delta-v of ``stages`` identical stages, each with the same specific impulse and mass ratio (km/s).

    .. math:: \\Delta v = N\\, I_\\mathrm{sp}\\, g_0 \\ln R

    >>> round(staged_delta_v_km_s(300, 4.0, 2), 2)
    8.16
    """
    return stages * rocket.delta_v(isp_s, mass_ratio)


def _equation_summary(isp_s: float, mass_ratio: float, stages: int, needed_km_s: float,
                      marks: list[tuple[str, float]]) -> str:
    dv = staged_delta_v_km_s(isp_s, mass_ratio, stages)
    share = 100 * dv / needed_km_s
    verdict = "enough to reach orbit" if dv >= needed_km_s else "not enough to reach orbit"
    plural = "stage" if stages == 1 else "stages"
    engines = "; ".join(
        f"{label}, {mark_isp:.0f} s: {staged_delta_v_km_s(mark_isp, mass_ratio, stages):.2f} km/s"
        for label, mark_isp in marks
    )
    return (
        f"<b>Delta-v {dv:.2f} km/s</b> from {stages} {plural}, each with mass ratio {mass_ratio:.1f}, "
        f"at a specific impulse of {isp_s:.0f} s: {share:.0f}% of the {needed_km_s:.1f} km/s to low Earth orbit, "
        f"<b>{verdict}</b>.<br>With the same stages, engines like those of {engines}."
    )


def rocket_equation(isp_s: float = 300, mass_ratio: float = 4.0, stages: int = 2,
                    rockets: pd.DataFrame | None = None,
                    reference: pd.DataFrame | None = None) -> ipw.VBox:
    """The rocket equation with sliders: how much delta-v a rocket of N stages reaches.

    Each stage is taken to be alike: the same specific impulse and the same mass ratio
    (mass when it ignites / mass when it burns out). The curve shows the delta-v against
    specific impulse; the dot is the slider's engine; the dashed line is the delta-v it takes to
    reach low Earth orbit; the grey marks are the Long March engines from ``data/rockets.csv``.

    Parameters
    ----------
    isp_s, mass_ratio, stages : starting values of the three sliders (s, 1, count).
    rockets, reference : DataFrames like ``data.load("rockets")`` and ``data.load("launch_reference")``
        (loaded once if not given).
    """
    marks = engine_marks(rockets)
    needed_km_s = delta_v_to_leo_km_s(reference)

    isp = ipw.IntSlider(value=int(isp_s), min=ISP_RANGE_S[0], max=ISP_RANGE_S[1], step=5,
                        description="Isp (s)", continuous_update=False)
    ratio = ipw.FloatSlider(value=mass_ratio, min=MASS_RATIO_RANGE[0], max=MASS_RATIO_RANGE[1], step=0.1,
                            description="Mass ratio", readout_format=".1f", continuous_update=False)
    n_stages = ipw.IntSlider(value=stages, min=1, max=3, description="Stages", continuous_update=False)

    style.use()
    fig, ax = widget_figure(figsize=(8.5, 4.2))
    isp_grid = np.linspace(*ISP_RANGE_S, 120)
    ax.axhspan(needed_km_s, DELTA_V_TOP_KM_S, color=style.OKABE_ITO["bluish green"], alpha=0.08)
    ax.axhline(needed_km_s, color=style.OKABE_ITO["bluish green"], ls="--", lw=1.5)
    ax.text(ISP_RANGE_S[0] + 3, needed_km_s + 0.3, f"low Earth orbit: {needed_km_s:.1f} km/s",
            color=style.OKABE_ITO["bluish green"], fontsize=10)
    for k, (label, mark_isp) in enumerate(marks):
        ax.axvline(mark_isp, color="0.55", lw=1, ls=":")
        ax.text(mark_isp + 2, DELTA_V_TOP_KM_S * (0.95 - 0.07 * k), label, color="0.3", fontsize=9)
    ax.set_xlim(*ISP_RANGE_S)
    ax.set_ylim(0, DELTA_V_TOP_KM_S)
    style.label(ax, "Specific impulse of the engines (s)", "Ideal delta-v (km/s)",
                "Delta-v from the rocket equation")
    fig.tight_layout()
    (curve,) = ax.plot(isp_grid, isp_grid * 0, color=style.PALETTE[0], lw=2.5)
    (engine_dots,) = ax.plot([m[1] for m in marks], [0] * len(marks), "o", color="0.35", ms=6)
    (dot,) = ax.plot([isp_s], [0], "o", color=style.OKABE_ITO["vermillion"], ms=10, zorder=5)
    blitter = Blitter(fig, [curve, engine_dots, dot])

    image = ipw.Image(format="png")
    summary = ipw.HTML()

    def update(_change=None):
        n, r = n_stages.value, ratio.value
        curve.set_ydata(staged_delta_v_km_s(isp_grid, r, n))
        engine_dots.set_ydata(staged_delta_v_km_s(np.array([m[1] for m in marks]), r, n))
        dot.set_data([isp.value], [staged_delta_v_km_s(isp.value, r, n)])
        image.value = blitter.png()
        summary.value = _equation_summary(isp.value, r, n, needed_km_s, marks)

    for control in (isp, ratio, n_stages):
        control.observe(update, names="value")
    update()
    return assemble({"isp_s": isp, "mass_ratio": ratio, "stages": n_stages}, image, summary)


# --------------------------------------------------------------------------- the launch log


def family_of(family_variant: pd.Series) -> pd.Series:
    """The rocket family of each launch, from its ``family_variant``: ``"CZ-3B"`` -> ``"Long March 3"``.

    >>> family_of(pd.Series(["CZ-3B", "CZ-2F", "CZ-11"])).tolist()
    ['Long March 3', 'Long March 2', 'Long March 11']
    """
    return "Long March " + family_variant.str.extract(r"CZ-(\d+)", expand=False)


def _log_summary(chosen: pd.DataFrame, family: str, span: tuple[int, int]) -> str:
    who = "all Long March rockets" if family == ALL_FAMILIES else family
    head = f"<b>{len(chosen)} launches</b> of {who} from {span[0]} to {span[1]} in the per-launch log"
    if chosen.empty:
        return head + "."
    successes = int((chosen["outcome"] == "success").sum())
    per_year = chosen["launch_date"].dt.year.value_counts()
    busiest = int(per_year.idxmax())
    return (
        f"{head}: {successes} successes ({100 * successes / len(chosen):.1f}%), "
        f"busiest year {busiest} ({int(per_year.max())} launches).<br>"
        "The log misses many launches of 2007-2015; its counts are complete from 2016."
    )


def launches_per_year(launches: pd.DataFrame | None = None) -> ipw.VBox:
    """Long March launches per year from the per-launch log, for one rocket family or all.

    Bars for the chosen family are drawn over grey bars for all families; years outside the
    slider's range are veiled. The summary counts launches, successes and the busiest year.

    Parameters
    ----------
    launches : DataFrame, optional
        Rows with ``launch_date``, ``family_variant`` and ``outcome``; by default
        ``data/long_march_launches.csv``. Only the whole years 1970-2021 are shown.
    """
    if launches is None:
        launches = data.load("long_march_launches")
    years_all = launches["launch_date"].dt.year
    log = launches[(years_all >= LOG_YEARS[0]) & (years_all <= LOG_YEARS[1])].copy()
    log["family"] = family_of(log["family_variant"])
    years = np.arange(LOG_YEARS[0], LOG_YEARS[1] + 1)
    log_years = log["launch_date"].dt.year
    total = log_years.value_counts().reindex(years, fill_value=0)
    by_family = {name: log_years[log["family"] == name].value_counts().reindex(years, fill_value=0)
                 for name in sorted(log["family"].unique(), key=lambda f: int(f.split()[-1]))}

    rows = {ALL_FAMILIES: log, **{name: log[log["family"] == name] for name in by_family}}
    row_years = {name: table["launch_date"].dt.year.to_numpy() for name, table in rows.items()}

    family = ipw.Dropdown(options=[ALL_FAMILIES, *by_family], value=ALL_FAMILIES, description="Family")
    span = ipw.IntRangeSlider(value=LOG_YEARS, min=LOG_YEARS[0], max=LOG_YEARS[1], description="Years",
                              continuous_update=False, layout=ipw.Layout(width="420px"))

    style.use()
    fig, ax = widget_figure(figsize=(8.5, 4.0))
    edges = np.append(years, years[-1] + 1) - 0.5
    ax.stairs(total.to_numpy(), edges, fill=True, color="0.85", label="all Long March rockets")
    bars = ax.stairs(total.to_numpy(), edges, fill=True, color=style.PALETTE[0], label="chosen family")
    ax.axvspan(2006.5, 2015.5, color=style.OKABE_ITO["orange"], alpha=0.12, lw=0)
    ax.text(2007, total.max() * 0.92, "log incomplete\n2007-2015", fontsize=9, color="0.3")
    ax.set_xlim(edges[0], edges[-1])
    ax.set_ylim(0, total.max() * 1.05)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.08), ncols=2, fontsize=10)  # above the plot, never veiled
    style.label(ax, "Year", "Launches per year (count)", "Long March launches per year (per-launch log, 1970-2021)")
    fig.tight_layout()
    # white veils over the years outside the slider's range
    before = ax.axvspan(edges[0], edges[0], color="white", alpha=0.75, lw=0)
    after = ax.axvspan(edges[-1], edges[-1], color="white", alpha=0.75, lw=0)
    blitter = Blitter(fig, [bars, before, after])

    image = ipw.Image(format="png")
    summary = ipw.HTML()

    def update(_change=None):
        counts = total if family.value == ALL_FAMILIES else by_family[family.value]
        bars.set_data(counts.to_numpy())
        before.set_x(edges[0])
        before.set_width(span.value[0] - 0.5 - edges[0])
        after.set_x(span.value[1] + 0.5)
        after.set_width(edges[-1] - span.value[1] - 0.5)
        image.value = blitter.png()
        in_years = (row_years[family.value] >= span.value[0]) & (row_years[family.value] <= span.value[1])
        chosen = rows[family.value][in_years]
        summary.value = _log_summary(chosen, family.value, span.value)

    family.observe(update, names="value")
    span.observe(update, names="value")
    update()
    return assemble({"family": family, "years": span}, image, summary)
