"""TOOL06 v04.0 option B.2: the measured flare efficiency of every minute, eq. (2)-(14).

The exhaust-gas flow of each minute comes from a stoichiometric calculation (steps 2.1-2.4,
para. 32-37): the residual gas's composition gives its molecular mass, density and element
mass fractions (:mod:`ccer_calc.tools.flaring_residual_gas`), which with the O2 measured in
the exhaust give the exhaust volume per kg of gas (:mod:`ccer_calc.tools.flaring_exhaust_gas`);
eq. (4) and (3) turn it into the methane leaving the flare, eq. (2) into the efficiency.
:func:`measured_flare_efficiency_per_minute` runs the whole chain on minute arrays.
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.parameters import Value
from ccer_calc.tools import flaring_exhaust_gas as eg
from ccer_calc.tools import flaring_residual_gas as rg
from ccer_calc.tools.flaring_measured import flare_efficiency_per_minute
from ccer_calc.trail import Trail
from ccer_calc.units import Quantity

__all__ = [
    "exhaust_gas_volume",
    "exhaust_methane_mass",
    "measured_flare_efficiency_per_minute",
]

DOCUMENT = "TOOL06 v04.0"
_CH4 = "kg CH4"


@equation(
    id="TOOL06 (3)", document=DOCUMENT, symbol="F_CH4,EG,m",
    formula="F_CH4,EG,m = V_EG,m × fc_CH4,EG,m × 10^-6",
    source=f"{DOCUMENT}, para. 32, eq. (3)",
    inputs={"exhaust_volume": "Nm3", "exhaust_methane_concentration": "mg CH4/Nm3"},
    output=_CH4,
    description="methane in the exhaust gas of the flare in each minute",
)
def exhaust_methane_mass(
    exhaust_volume: pint.Quantity, exhaust_methane_concentration: pint.Quantity
) -> pint.Quantity:
    r"""Methane leaving the flare in minute m, dry basis at reference conditions.

    Parameters
    ----------
    exhaust_volume : Quantity
        V_EG,m from eq. (4) [Nm3].
    exhaust_methane_concentration : Quantity
        fc_CH4,EG,m, measured in the exhaust (ppmv × 0.716 = mg/m³, data table 9)
        [mg CH4/Nm3].

    Returns
    -------
    Quantity
        F_CH4,EG,m [kg CH4].

    Notes
    -----
    .. math:: F_{CH4,EG,m} = V_{EG,m} \times fc_{CH4,EG,m} \times 10^{-6}  \tag{TOOL06 (3)}

    The 10⁻⁶ (mg to kg) is done by the unit registry.

    References
    ----------
    TOOL06 v04.0, para. 32, equation (3); data table 9.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> f = exhaust_methane_mass(exhaust_volume=Quantity(200.0, "Nm3"),
    ...                          exhaust_methane_concentration=Quantity(50.0, "mg CH4/Nm3"))
    >>> round(float(f.quantity.magnitude), 9)
    0.01
    """
    return exhaust_volume * exhaust_methane_concentration


@equation(
    id="TOOL06 (4)", document=DOCUMENT, symbol="V_EG,m",
    formula="V_EG,m = Q_EG,m × M_RG,m",
    source=f"{DOCUMENT}, para. 33, eq. (4)",
    inputs={"volume_per_kg": "Nm3/kg", "residual_gas_mass": "kg"},
    output="Nm3",
    description="volume of the exhaust gas of the flare in each minute",
)
def exhaust_gas_volume(
    volume_per_kg: pint.Quantity, residual_gas_mass: pint.Quantity
) -> pint.Quantity:
    r"""Exhaust-gas volume of minute m, dry basis at reference conditions.

    Parameters
    ----------
    volume_per_kg : Quantity
        Q_EG,m from eq. (8) [Nm3/kg].
    residual_gas_mass : Quantity
        M_RG,m from eq. (5) or monitored [kg].

    Returns
    -------
    Quantity
        V_EG,m [Nm3].

    Notes
    -----
    .. math:: V_{EG,m} = Q_{EG,m} \times M_{RG,m}  \tag{TOOL06 (4)}

    References
    ----------
    TOOL06 v04.0, para. 33, equation (4).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = exhaust_gas_volume(volume_per_kg=Quantity(20.0, "Nm3/kg"),
    ...                        residual_gas_mass=Quantity(10.0, "kg"))
    >>> float(v.quantity.magnitude)
    200.0
    """
    return volume_per_kg * residual_gas_mass


def measured_flare_efficiency_per_minute(
    *,
    residual_methane: pint.Quantity,
    volume_fractions: pint.Quantity,
    exhaust_oxygen_fraction: pint.Quantity,
    exhaust_methane_concentration: pint.Quantity,
    residual_gas_volume: pint.Quantity | None = None,
    residual_gas_mass: pint.Quantity | None = None,
    trail: Trail | None = None,
) -> Value:
    """η_flare,calc,m of every minute by option B.2: eq. (7), (14), (13)-(8), (6)-(2).

    Parameters
    ----------
    residual_methane : Quantity
        F_CH4,RG,m (Step 1), shape (..., minutes) [kg CH4].
    volume_fractions : Quantity
        v_i,RG,m from :func:`ccer_calc.tools.flaring_residual_gas.residual_gas_fractions`.
    exhaust_oxygen_fraction : Quantity
        v_O2,EG,m [dimensionless].
    exhaust_methane_concentration : Quantity
        fc_CH4,EG,m [mg CH4/Nm3].
    residual_gas_volume, residual_gas_mass : Quantity, optional
        V_RG,m [Nm3] (then M_RG,m by eq. (6) and (5)) or the monitored M_RG,m [kg]; exactly one.
    trail : Trail, optional
        Records every equation; eq. (14) once per element (instance ``C``, ``H``, ``O``, ``N``).

    Raises
    ------
    InputError
        If both or neither of the residual gas volume and mass are given.

    Examples
    --------
    Pure methane burned with twice the stoichiometric air: Q_EG = (1 + 2 + 15.05) × 22.4 /
    16.04 = 25.20 Nm3/kg. 1 Nm3 of it (0.7156 kg) leaves 18.04 Nm3 of exhaust holding 5 mg/Nm3
    of methane: η = 1 − 18.04 × 5e-6 / 0.7156:

    >>> from ccer_calc.units import Quantity
    >>> eta = measured_flare_efficiency_per_minute(
    ...     residual_methane=Quantity(0.7156, "kg CH4"),
    ...     volume_fractions=rg.residual_gas_fractions(CH4=Quantity(1.0, "")),
    ...     exhaust_oxygen_fraction=Quantity(2 / (3 + 4 * 0.79 / 0.21), ""),
    ...     exhaust_methane_concentration=Quantity(5.0, "mg CH4/Nm3"),
    ...     residual_gas_volume=Quantity(1.0, "Nm3"))
    >>> round(float(eta.quantity.magnitude), 6)
    0.999874
    """
    if (residual_gas_volume is None) == (residual_gas_mass is None):
        raise InputError("give either the residual gas volume or its mass, not both",
                         field="residual_gas_volume", expected="exactly one of V_RG,m, M_RG,m")
    t = trail
    mm = rg.residual_gas_molecular_mass(trail=t, volume_fractions=volume_fractions,
                                        molecular_masses=rg.MOLECULAR_MASS)
    mf = {j: rg.element_mass_fraction(trail=t, instance=j, volume_fractions=volume_fractions,
                                      atomic_mass=rg.ATOMIC_MASS[j],
                                      atoms_per_component=Quantity(rg.ATOMS[j], ""),
                                      molecular_mass=mm) for j in ("C", "H", "O", "N")}
    am = rg.ATOMIC_MASS
    f_o2 = eg.stoichiometric_oxygen(
        trail=t, carbon_fraction=mf["C"], carbon_atomic_mass=am["C"],
        hydrogen_fraction=mf["H"], hydrogen_atomic_mass=am["H"], oxygen_fraction=mf["O"],
        oxygen_atomic_mass=am["O"])
    n_o2 = eg.exhaust_o2_moles(
        trail=t, exhaust_oxygen_fraction=exhaust_oxygen_fraction,
        air_oxygen_fraction=eg.AIR_OXYGEN_FRACTION, carbon_fraction=mf["C"],
        carbon_atomic_mass=am["C"], nitrogen_fraction=mf["N"], nitrogen_atomic_mass=am["N"],
        stoichiometric_oxygen=f_o2)
    q_eg = eg.exhaust_gas_volume_per_kg(
        trail=t,
        co2_volume=eg.exhaust_co2_volume(trail=t, carbon_fraction=mf["C"],
                                         carbon_atomic_mass=am["C"],
                                         molar_volume=eg.MOLAR_VOLUME),
        o2_volume=eg.exhaust_o2_volume(trail=t, exhaust_oxygen_moles=n_o2,
                                       molar_volume=eg.MOLAR_VOLUME),
        n2_volume=eg.exhaust_n2_volume(trail=t, molar_volume=eg.MOLAR_VOLUME,
                                       nitrogen_fraction=mf["N"], nitrogen_atomic_mass=am["N"],
                                       air_oxygen_fraction=eg.AIR_OXYGEN_FRACTION,
                                       stoichiometric_oxygen=f_o2, exhaust_oxygen_moles=n_o2))
    mass: Value | pint.Quantity
    if residual_gas_mass is not None:
        mass = residual_gas_mass
    elif residual_gas_volume is not None:
        rho = rg.residual_gas_density(trail=t, reference_pressure=rg.REFERENCE_PRESSURE,
                                      gas_constant=rg.UNIVERSAL_GAS_CONSTANT, molecular_mass=mm,
                                      reference_temperature=rg.REFERENCE_TEMPERATURE)
        mass = rg.residual_gas_mass(trail=t, density=rho, volume=residual_gas_volume)
    volume = exhaust_gas_volume(trail=t, volume_per_kg=q_eg, residual_gas_mass=mass)
    out = exhaust_methane_mass(trail=t, exhaust_volume=volume,
                               exhaust_methane_concentration=exhaust_methane_concentration)
    return flare_efficiency_per_minute(trail=t, exhaust_methane=out,
                                       residual_methane=residual_methane)
