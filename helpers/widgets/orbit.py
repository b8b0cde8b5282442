"""Tiangong's orbit: an altitude explorer (speed, period, orbits per day) and a ground-track map.

Both widgets read ``data/station_orbit.csv`` once, when they are built, and compute
everything else with :mod:`helpers.orbits` (circular two-body orbits; the slow turning
of the orbit's plane caused by the Earth's flattening is left out).

>>> from helpers import widgets
>>> w = widgets.altitude_explorer()
>>> w.controls["altitude"].value = 400.0
>>> "7.67 km/s" in w.summary.value
True
"""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
import pandas as pd
from matplotlib.patches import Circle

from helpers import data, orbits, style
from helpers.constants import DAY_S, R_EARTH_KM
from helpers.widgets.base import Blitter, assemble, widget_figure

#: Altitudes the explorer's slider covers (km): from a very low orbit to well above the station.
ALTITUDE_RANGE_KM = (150.0, 1000.0)
#: Points per orbit on the ground track: enough for a smooth curve at the map's size.
POINTS_PER_ORBIT = 180
#: Most orbits the ground-track map draws (a little more than one day of Tiangong's).
MAX_ORBITS = 16


def station_facts(facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return ``data/station_orbit.csv`` indexed by ``item`` (or ``facts``, if given, indexed the same way)."""
    table = data.load("station_orbit") if facts is None else facts
    return table.set_index("item") if "item" in table.columns else table


def typical_altitude_km(facts: pd.DataFrame | None = None) -> float:
    """Tiangong's altitude as the course uses it: the middle of the sourced typical band (km).

    >>> typical_altitude_km()   # the middle of 383-390 km
    386.5
    """
    table = station_facts(facts)
    low, high = table.loc["altitude_typical_low", "value"], table.loc["altitude_typical_high", "value"]
    return float((low + high) / 2)


def orbits_per_day(altitude_km):
    """Circular orbits completed in one 24-hour day (86 400 s) at ``altitude_km`` above Earth.

    >>> round(orbits_per_day(390), 2)
    15.59
    """
    return DAY_S / orbits.circular_period(altitude_km)


def _explorer_summary(altitude_km: float, station_km: float, band: tuple[float, float]) -> str:
    speed = orbits.circular_speed(altitude_km)
    period_min = orbits.circular_period(altitude_km) / 60
    per_day = float(orbits_per_day(altitude_km))
    where = ("inside" if band[0] <= altitude_km <= band[1] else "outside")
    station_period_min = orbits.circular_period(station_km) / 60
    return (
        f"At <b>{altitude_km:.1f} km</b>: speed <b>{speed:.2f} km/s</b>, period <b>{period_min:.1f} min</b>, "
        f"<b>{per_day:.2f} orbits per day</b>. This altitude is {where} Tiangong's design band "
        f"({band[0]:.0f}-{band[1]:.0f} km). Tiangong at {station_km:.1f} km: one orbit every "
        f"{station_period_min:.1f} min."
    )


def altitude_explorer(altitude_km: float | None = None, facts: pd.DataFrame | None = None) -> ipw.VBox:
    """A slider for the altitude of a circular orbit around Earth, with its speed, period and orbits per day.

    Left: the Earth and the orbit to scale. Right: the period against the altitude, with
    Tiangong's design band shaded and its typical altitude marked.

    Parameters
    ----------
    altitude_km : float, optional
        Starting altitude (km); by default Tiangong's (:func:`typical_altitude_km`).
    facts : DataFrame, optional
        The rows of ``data/station_orbit.csv`` (by default read from the file).
    """
    table = station_facts(facts)
    station_km = typical_altitude_km(table)
    band = (float(table.loc["altitude_range_low", "value"]), float(table.loc["altitude_range_high", "value"]))
    start = station_km if altitude_km is None else float(altitude_km)

    slider = ipw.FloatSlider(value=start, min=ALTITUDE_RANGE_KM[0], max=ALTITUDE_RANGE_KM[1], step=0.5,
                             description="Altitude (km)", readout_format=".1f",
                             style={"description_width": "initial"}, layout=ipw.Layout(width="520px"))

    style.use()
    fig, ax_curve = widget_figure(figsize=(10, 4.4))
    ax_curve.remove()
    ax_earth, ax_curve = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 1.6]})

    limit = R_EARTH_KM + ALTITUDE_RANGE_KM[1] + 300
    ax_earth.add_patch(Circle((0, 0), R_EARTH_KM, color=style.OKABE_ITO["sky blue"], alpha=0.6, lw=0))
    orbit_ring = Circle((0, 0), R_EARTH_KM + start, fill=False, lw=2, color=style.OKABE_ITO["vermillion"])
    ax_earth.add_patch(orbit_ring)
    ax_earth.set(xlim=(-limit, limit), ylim=(-limit, limit), aspect="equal")
    style.label(ax_earth, "Distance from Earth's centre (km)", "Distance (km)", "Earth and the orbit, to scale")

    heights = np.linspace(*ALTITUDE_RANGE_KM, 200)
    ax_curve.plot(heights, orbits.circular_period(heights) / 60, color=style.PALETTE[0])
    ax_curve.axvspan(*band, color=style.OKABE_ITO["bluish green"], alpha=0.15, label="Tiangong's design band")
    ax_curve.axvline(station_km, color=style.OKABE_ITO["bluish green"], ls="--",
                     label=f"Tiangong, {station_km:.1f} km")
    (marker,) = ax_curve.plot([start], [orbits.circular_period(start) / 60], "o", ms=9,
                              color=style.OKABE_ITO["vermillion"], label="Your orbit")
    ax_curve.legend(loc="upper left", fontsize=10)
    style.label(ax_curve, "Altitude above the equator (km)", "Period (minutes)",
                "A higher orbit takes longer to go round")
    fig.tight_layout()

    image = ipw.Image(format="png")
    summary = ipw.HTML()
    blitter = Blitter(fig, [orbit_ring, marker])

    def update(_change=None):
        h = slider.value
        orbit_ring.set_radius(R_EARTH_KM + h)
        marker.set_data([h], [orbits.circular_period(h) / 60])
        image.value = blitter.png()
        summary.value = _explorer_summary(h, station_km, band)

    slider.observe(update, names="value")
    update()
    return assemble({"altitude": slider}, image, summary)


# --------------------------------------------------------------------------- ground track


def track_segments(altitude_km: float, inc_deg: float, n_orbits: int) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude (deg) of ``n_orbits`` orbits, one row per orbit, NaN where the map wraps.

    Each orbit starts at its northbound equator crossing (ascending node); the first one
    at longitude 0. A NaN is put between two points whose longitudes jump across the
    map's edge (from +180 to -180), so a plotted line does not streak across the map.

    >>> lat, lon = track_segments(390, 41.5, 2)
    >>> lat.shape[0], round(float(np.nanmax(lat)), 1)
    (2, 41.5)
    """
    period_s = orbits.circular_period(altitude_km)
    t_s = np.linspace(0, n_orbits * period_s, n_orbits * POINTS_PER_ORBIT + 1)
    lat, lon = orbits.ground_track(altitude_km, inc_deg, t_s)
    lat = lat[:-1].reshape(n_orbits, POINTS_PER_ORBIT)
    lon = lon[:-1].reshape(n_orbits, POINTS_PER_ORBIT)
    jump = np.abs(np.diff(lon, axis=1)) > 180
    lat, lon = lat.copy(), lon.copy()
    lat[:, 1:][jump] = np.nan
    lon[:, 1:][jump] = np.nan
    return lat, lon


def node_longitudes_deg(altitude_km: float, n_orbits: int) -> np.ndarray:
    """East longitudes (deg, in [-180, 180)) where orbits 1..n cross the equator northbound, the first at 0.

    >>> np.round(node_longitudes_deg(390, 3), 1).tolist()
    [0.0, -23.2, -46.3]
    """
    shift = orbits.longitude_shift_per_orbit_deg(altitude_km)
    return np.mod(np.arange(n_orbits) * shift + 180.0, 360.0) - 180.0


def _track_summary(altitude_km: float, inc_deg: float, n_orbits: int) -> str:
    hours = n_orbits * orbits.circular_period(altitude_km) / 3600
    shift = -orbits.longitude_shift_per_orbit_deg(altitude_km)
    nodes = ", ".join(f"{x:.1f}°" for x in node_longitudes_deg(altitude_km, n_orbits))
    plural = "orbit" if n_orbits == 1 else "orbits"
    return (
        f"<b>{n_orbits} {plural}</b> at {altitude_km:.1f} km take <b>{hours:.2f} hours</b>. "
        f"Each orbit crosses the equator <b>{shift:.1f}° west</b> of the one before. "
        f"Northbound equator crossings (° east): {nodes}. "
        f"The track stays between {inc_deg:.1f}° S and {inc_deg:.1f}° N."
    )


def ground_track_map(n_orbits: int = 3, altitude_km: float | None = None,
                     facts: pd.DataFrame | None = None) -> ipw.VBox:
    """Tiangong's ground track over a latitude-longitude grid, with a slider for the number of orbits.

    The map has no coastlines (the course works offline): a grid, the equator, the
    lines of latitude the track cannot pass (plus and minus the inclination) and the
    two launch sites from ``data/station_orbit.csv``.

    Parameters
    ----------
    n_orbits : int
        Orbits drawn at the start (1 to :data:`MAX_ORBITS`).
    altitude_km : float, optional
        Starting altitude (km); by default Tiangong's (:func:`typical_altitude_km`).
    facts : DataFrame, optional
        The rows of ``data/station_orbit.csv`` (by default read from the file).
    """
    table = station_facts(facts)
    inc_deg = float(table.loc["inclination", "value"])
    start = typical_altitude_km(table) if altitude_km is None else float(altitude_km)
    band = (float(table.loc["altitude_range_low", "value"]), float(table.loc["altitude_range_high", "value"]))
    places = table[table["kind"] == "place"]

    count = ipw.IntSlider(value=n_orbits, min=1, max=MAX_ORBITS, description="Orbits",
                          continuous_update=True, layout=ipw.Layout(width="380px"))
    altitude = ipw.FloatSlider(value=start, min=ALTITUDE_RANGE_KM[0], max=ALTITUDE_RANGE_KM[1], step=0.5,
                               description="Altitude (km)", readout_format=".1f",
                               style={"description_width": "initial"}, layout=ipw.Layout(width="420px"))

    style.use()
    fig, ax = widget_figure(figsize=(10, 5.2))
    ax.set(xlim=(-180, 180), ylim=(-90, 90), aspect="equal", xticks=range(-180, 181, 30), yticks=range(-90, 91, 30))
    ax.axhline(0, color="black", lw=1)
    for sign in (1, -1):
        ax.axhline(sign * inc_deg, color=style.OKABE_ITO["bluish green"], ls="--", lw=1.2)
    ax.text(-178, inc_deg + 2, f"{inc_deg:.1f}° N: the farthest north the station flies", fontsize=9)
    ax.text(-178, -inc_deg - 7, f"{inc_deg:.1f}° S", fontsize=9)
    colours = style.PALETTE[:3] + style.PALETTE[4:6]
    lines = [ax.plot([], [], lw=1.8, color=colours[k % len(colours)])[0] for k in range(MAX_ORBITS)]
    nodes = ax.scatter([], [], s=36, color="black", zorder=5)
    landmarks = []  # drawn after the track, so the sites stay visible on top of it
    for row in places.itertuples():
        landmarks += ax.plot(row.lon_deg, row.lat_deg, "^", ms=10, mec="white",
                             color=style.OKABE_ITO["vermillion"])
        name = row.Index.split("_")[0].capitalize()
        landmarks.append(ax.annotate(name, (row.lon_deg, row.lat_deg), xytext=(9, -4), textcoords="offset points",
                                     fontsize=10, fontweight="bold"))
    style.label(ax, "Longitude (° east)", "Latitude (° north)", "Tiangong's ground track, orbit by orbit")
    fig.tight_layout()

    image = ipw.Image(format="png")
    summary = ipw.HTML()
    cache = {}
    blitter = Blitter(fig, [*lines, nodes, *landmarks])

    def update(_change=None):
        h, n = altitude.value, count.value
        if cache.get("altitude") != h:
            cache["altitude"] = h
            cache["track"] = track_segments(h, inc_deg, MAX_ORBITS)
            cache["nodes"] = node_longitudes_deg(h, MAX_ORBITS)
        lat, lon = cache["track"]
        for k, line in enumerate(lines):
            line.set_visible(k < n)
            if k < n:
                line.set_data(lon[k], lat[k])
        nodes.set_offsets(np.column_stack([cache["nodes"][:n], np.zeros(n)]))
        image.value = blitter.png()
        summary.value = _track_summary(h, inc_deg, n)
        if not band[0] <= h <= band[1]:
            summary.value += f" (Tiangong itself flies between {band[0]:.0f} and {band[1]:.0f} km.)"

    count.observe(update, names="value")
    altitude.observe(update, names="value")
    update()
    return assemble({"orbits": count, "altitude": altitude}, image, summary)
