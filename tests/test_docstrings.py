"""Every example in a helpers docstring runs and prints what the docstring says (so docs cannot drift)."""

import doctest
import importlib
import pkgutil

import pytest

import helpers

MODULES = sorted(name for _, name, _ in pkgutil.walk_packages(helpers.__path__, "helpers."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} docstring example(s) failed (run doctest on it to see)"
