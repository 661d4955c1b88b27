"""GWP sets as sourced data, applied only through the recorded equation."""

import pytest

from ccer_calc.errors import DataNotFound, UnitError
from ccer_calc.gwp import co2_equivalent, gwp, gwp_parameter, gwp_table
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

# Published 100-year values (IPCC SAR WG I Table 2.9; AR4 WG I Table 2.14; AR5 WG I Table 8.A.1;
# AR6 WG I Table 7.15), read back from the bundled table.
PUBLISHED = [
    ("SAR", "CH4", 21.0), ("SAR", "N2O", 310.0),
    ("AR4", "CH4", 25.0), ("AR4", "N2O", 298.0), ("AR4", "SF6", 22800.0),
    ("AR5", "CH4", 28.0), ("AR5", "N2O", 265.0), ("AR5", "NF3", 16100.0),
    ("AR6", "CH4", 27.9), ("AR6", "N2O", 273.0),
]


@pytest.mark.parametrize(("ipcc_set", "gas", "value"), PUBLISHED)
def test_published_values(ipcc_set, gas, value):
    assert gwp(ipcc_set, gas).gwp == value


def test_every_row_has_a_source_and_a_status():
    for row in gwp_table():
        assert row.source.startswith("IPCC ")
        assert row.status in {"verified", "secondary", "unverified"}


def test_unknown_set_and_gas_name_what_exists():
    with pytest.raises(DataNotFound, match="unknown GWP set.*'AR9'.*AR4, AR5, AR6, SAR"):
        gwp("AR9", "CH4")
    with pytest.raises(DataNotFound, match="no GWP for this gas in set SAR.*'NF3'"):
        gwp("SAR", "NF3")


def test_equation_records_the_gwp_and_converts_units():
    trail = Trail()
    p = gwp_parameter("AR5", "N2O", name="gwp_n2o", methodology_source="test")
    e = co2_equivalent(trail=trail, gas_mass=Quantity(3.0, "kg N2O"),
                       global_warming_potential=Quantity(p.default, p.unit))
    # 3 kg N2O = 0.003 t N2O; × 265 t CO2e/t N2O = 0.795 t CO2e
    assert float(e.quantity.magnitude) == pytest.approx(0.003 * 265.0, rel=1e-12)
    assert trail.entries[0].equation == "GWP"
    assert trail.entries[0].inputs[1].value == pytest.approx(265.0)


def test_gwp_of_another_gas_is_refused():
    ch4 = gwp_parameter("AR5", "CH4", name="gwp_ch4", methodology_source="test")
    with pytest.raises(UnitError, match="GWP.*wrong dimension"):
        co2_equivalent(gas_mass=Quantity(1.0, "t N2O"),
                       global_warming_potential=Quantity(ch4.default, ch4.unit))


def test_gwp_parameter_is_fixed_and_cites_both_sources():
    p = gwp_parameter("AR4", "CH4", name="gwp_ch4", methodology_source="CCER-XX §5 Table 3")
    assert (p.default, p.overridable, p.kind) == (25.0, False, "fixed")
    assert "CCER-XX §5 Table 3" in p.source
    assert "AR4 WG I Table 2.14" in p.source
