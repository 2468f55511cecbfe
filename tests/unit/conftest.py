"""Fixtures of the extraction tests."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.extraction import Extractor


@pytest.fixture(scope="session", params=[True, False], ids=["ner", "gazetteer"])
def extractor(request: pytest.FixtureRequest) -> Extractor:
    """The extractor in both modes, built once for the whole run: an :class:`Extractor` keeps no
    state between texts, and loading the NER pipeline per test module cost each module seconds."""
    return Extractor(use_ner=request.param)
