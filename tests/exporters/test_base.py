"""Export options are checked; output names come from the slug."""

from __future__ import annotations

import pytest

from newsroom_desktop.core.errors import ExportFailedError
from newsroom_desktop.exporters.base import ExportOptions


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paper": "a3"}, "Unknown paper size 'a3'"),
        ({"max_side": 4}, "at least 16 px"),
        ({"quality": 0}, "1–100"),
    ],
)
def test_bad_options_are_refused(changes, message):
    with pytest.raises(ExportFailedError, match=message):
        ExportOptions(**changes)


def test_stem_is_the_slug_unless_given(sample_doc):
    assert ExportOptions().stem_for(sample_doc) == sample_doc.slug
    assert ExportOptions(stem="x").stem_for(sample_doc) == "x"
