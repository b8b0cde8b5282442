"""Shared helpers for the China space exploration course.

Import the module you need, for example::

    from helpers import data, style
    launches = data.load("long_march")

Each concern lives in its own small module:

- ``data``       load a dataset from ``data/`` and check it against its schema
- ``style``      the course's plotting look (Okabe-Ito colours, CJK names)
- ``course``     the course map and the teacher's tools (student edition, answer key)

Nothing heavy is imported here, so ``import helpers`` stays quick.
"""

__version__ = "0.1.0"
