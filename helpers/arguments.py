"""Checking the numbers a learner passes to the physics functions, with plain-English errors."""

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
