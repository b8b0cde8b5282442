"""Shared helpers for the China space exploration course.

Import the module you need, for example::

    from helpers import data, orbits, style
    launches = data.load("long_march_launches")
    orbits.circular_period(390)            # seconds, at 390 km above Earth

Each concern lives in its own small module:

- ``data``        load a dataset from ``data/`` and check it against its schema
- ``constants``   physical constants, read once from ``data/constants.csv`` with their sources
- ``orbits``      two-body orbital mechanics: circular orbits, transfers, Kepler, planets, ground tracks
- ``rocket``      the rocket equation
- ``arguments``   plain-English checks of the numbers passed to the physics functions
- ``style``       the course's plotting look (Okabe-Ito colours, Chinese names in plots)
- ``widgets``     the interactive widgets, one module per family
- ``exercises``   questions that check themselves; ``questions`` holds each notebook's bank
- ``progress``    the learner's progress file and table
- ``editions``    the student edition and the answer key
- ``course``      the course map and the maintainer's and teacher's commands

Nothing is imported here, so ``import helpers`` stays quick.
"""

__version__ = "0.1.0"
