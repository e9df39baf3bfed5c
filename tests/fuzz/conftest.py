"""Hypothesis profiles for the fuzz tests.

``fuzz`` (the default) keeps the whole folder well under a minute in ``make test``;
``ANSINH_FUZZ=long`` selects ``long``, fifty times as many examples per test, for a run
of several minutes. Expensive targets take a fraction of the profile's ``max_examples``
(``settings.default`` is the loaded profile). Failing examples are kept in Hypothesis'
database (``.hypothesis/``, which ignores itself in git) and replayed first next time.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=100,
    deadline=2000,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("long", settings.get_profile("fuzz"), max_examples=5000)
settings.load_profile("long" if os.environ.get("ANSINH_FUZZ") == "long" else "fuzz")
