"""The one licence setting: `extra.licence` of mkdocs.yml."""

from __future__ import annotations

import pytest

from macros.core.licence import KNOWN, LicenceError, licence_setting
from macros.site.mkdocs_yml import read_config
from tests.support import ROOT


def test_undecided_until_the_mes_chooses() -> None:
    for extra in (None, {}, {"licence": "à préciser"}):
        licence = licence_setting(extra)
        assert not licence.chosen
        assert (licence.label, licence.spdx, licence.url) == ("Licence à préciser", "", "")
    # The repository's own mkdocs.yml keeps it undecided.
    assert not licence_setting(read_config(ROOT / "mkdocs.yml").get("extra")).chosen


def test_a_known_name_gives_its_spdx_identifier_and_address() -> None:
    licence = licence_setting({"licence": " CC BY-SA 4.0 "})
    assert licence.chosen
    assert licence.label == "Licence CC BY-SA 4.0"
    assert licence.spdx == "CC-BY-SA-4.0"
    assert licence.url.startswith("https://creativecommons.org/licenses/by-sa/4.0/")
    # A name that says «Licence» itself is not said twice.
    assert licence_setting({"licence": "Licence Ouverte 2.0"}).label == "Licence Ouverte 2.0"
    assert all(licence.url.startswith("https://") for licence in KNOWN.values() if licence.chosen)


@pytest.mark.parametrize("value", ["CC-BY", "", 4, ["CC BY 4.0"], None])
def test_an_unknown_licence_is_refused_with_the_valid_names(value: object) -> None:
    with pytest.raises(LicenceError) as caught:
        licence_setting({"licence": value})
    message = str(caught.value)
    assert message.startswith("mkdocs.yml, extra: licence :")
    assert "« CC BY-SA 4.0 »" in message and "« à préciser »" in message
    assert "macros/core/licence.py" in message
