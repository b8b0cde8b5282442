"""The numbers going into and out of the physics functions: plain-English checks on the way in,
Python floats for scalars on the way out."""

from __future__ import annotations

import numpy as np


def finite_array(value, name: str) -> np.ndarray:
    """Return ``value`` as a float array; raise ValueError if it is not finite numbers.

    >>> finite_array([1, 2.5], "altitude_km").tolist()
    [1.0, 2.5]
    >>> finite_array("high", "altitude_km")
    Traceback (most recent call last):
    ...
    ValueError: altitude_km must be a number or an array of numbers; got 'high'.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers; got {value!r}.") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be a finite number (not NaN or infinity); got {value!r}.")
    return arr


def scalar_or_array(arr):
    """Return a 0-d array as a Python float and anything else unchanged, so a scalar in gives a float out.

    >>> scalar_or_array(np.asarray(2.0)), scalar_or_array(np.array([1.0, 2.0])).tolist()
    (2.0, [1.0, 2.0])
    """
    return float(arr) if np.ndim(arr) == 0 else arr
