"""TOOL06 v04.0 exhaust gas per kg of residual gas: stoichiometry, eq. (8)-(13) (step 2.4).

From the mass fractions of C, H, O and N in the residual gas (eq. (14)) and the O2 measured in
the exhaust, the volume of dry exhaust gas per kg of residual gas, Q_EG,m (eq. (8)), which
eq. (4) turns into the exhaust-gas flow. Volumes are at reference conditions (Nm3); VM_ref is
22.4 Nm3/kmol and v_O2,air 0.21 (Table 1).
"""

from __future__ import annotations

import pint

from ccer_calc.equation import equation
from ccer_calc.units import Quantity

__all__ = [
    "AIR_OXYGEN_FRACTION",
    "MOLAR_VOLUME",
    "exhaust_co2_volume",
    "exhaust_gas_volume_per_kg",
    "exhaust_n2_volume",
    "exhaust_o2_moles",
    "exhaust_o2_volume",
    "stoichiometric_oxygen",
]

DOCUMENT = "TOOL06 v04.0"
#: VM_ref, volume of one kmol of ideal gas at reference conditions, Table 1 (eq. (9)-(11)).
MOLAR_VOLUME = Quantity(22.4, "Nm3/kmol")
#: v_O2,air, O2 volumetric fraction of air, Table 1.
AIR_OXYGEN_FRACTION = Quantity(0.21, "")
_PER_KG = "Nm3/kg"
_KMOL_PER_KG = "kmol/kg"


@equation(
    id="TOOL06 (13)", document=DOCUMENT, symbol="F_O2,RG,m",
    formula="F_O2,RG,m = MF_C,RG,m / AM_C + MF_H,RG,m / (4 AM_H) − MF_O,RG,m / (2 AM_O)",
    source=f"{DOCUMENT}, para. 36, eq. (13)",
    inputs={"carbon_fraction": "dimensionless", "carbon_atomic_mass": "kg/kmol",
            "hydrogen_fraction": "dimensionless", "hydrogen_atomic_mass": "kg/kmol",
            "oxygen_fraction": "dimensionless", "oxygen_atomic_mass": "kg/kmol"},
    output=_KMOL_PER_KG,
    description="O2 needed to burn one kg of residual gas completely",
)
def stoichiometric_oxygen(
    *,
    carbon_fraction: pint.Quantity, carbon_atomic_mass: pint.Quantity,
    hydrogen_fraction: pint.Quantity, hydrogen_atomic_mass: pint.Quantity,
    oxygen_fraction: pint.Quantity, oxygen_atomic_mass: pint.Quantity,
) -> pint.Quantity:
    r"""Stoichiometric O2 for the complete oxidation of one kg of residual gas.

    Parameters
    ----------
    carbon_fraction : Quantity
        MF_C,RG,m [dimensionless].
    carbon_atomic_mass : Quantity
        AM_C, 12.00 [kg/kmol].
    hydrogen_fraction : Quantity
        MF_H,RG,m [dimensionless].
    hydrogen_atomic_mass : Quantity
        AM_H, 1.01 [kg/kmol].
    oxygen_fraction : Quantity
        MF_O,RG,m [dimensionless].
    oxygen_atomic_mass : Quantity
        AM_O, 16.00 [kg/kmol].

    Returns
    -------
    Quantity
        F_O2,RG,m [kmol/kg].

    Notes
    -----
    .. math:: F_{O2,RG,m} = \frac{MF_{C,RG,m}}{AM_C} + \frac{MF_{H,RG,m}}{4 AM_H}
       - \frac{MF_{O,RG,m}}{2 AM_O}  \tag{TOOL06 (13)}

    References
    ----------
    TOOL06 v04.0, para. 36, equation (13); Table 1.

    Examples
    --------
    Pure methane (MF_C = 12/16.04, MF_H = 4.04/16.04) needs 2 kmol O2 per kmol, 2/16.04 per kg:

    >>> from ccer_calc.units import Quantity
    >>> f = stoichiometric_oxygen(
    ...     carbon_fraction=Quantity(12 / 16.04, ""), carbon_atomic_mass=Quantity(12, "kg/kmol"),
    ...     hydrogen_fraction=Quantity(4.04 / 16.04, ""),
    ...     hydrogen_atomic_mass=Quantity(1.01, "kg/kmol"),
    ...     oxygen_fraction=Quantity(0, ""), oxygen_atomic_mass=Quantity(16, "kg/kmol"))
    >>> round(float(f.quantity.magnitude), 6)
    0.124688
    """
    return (carbon_fraction / carbon_atomic_mass + hydrogen_fraction / (4 * hydrogen_atomic_mass)
            - oxygen_fraction / (2 * oxygen_atomic_mass))


@equation(
    id="TOOL06 (12)", document=DOCUMENT, symbol="n_O2,EG,m",
    formula="n_O2,EG,m = v_O2,EG,m / (1 − v_O2,EG,m / v_O2,air) × [MF_C,RG,m / AM_C + "
            "MF_N,RG,m / (2 AM_N) + (1 − v_O2,air) / v_O2,air × F_O2,RG,m]",
    source=f"{DOCUMENT}, para. 36, eq. (12)",
    inputs={"exhaust_oxygen_fraction": "dimensionless", "air_oxygen_fraction": "dimensionless",
            "carbon_fraction": "dimensionless", "carbon_atomic_mass": "kg/kmol",
            "nitrogen_fraction": "dimensionless", "nitrogen_atomic_mass": "kg/kmol",
            "stoichiometric_oxygen": _KMOL_PER_KG},
    output=_KMOL_PER_KG,
    description="excess O2 in the exhaust gas per kg of residual gas",
)
def exhaust_o2_moles(
    *,
    exhaust_oxygen_fraction: pint.Quantity, air_oxygen_fraction: pint.Quantity,
    carbon_fraction: pint.Quantity, carbon_atomic_mass: pint.Quantity,
    nitrogen_fraction: pint.Quantity, nitrogen_atomic_mass: pint.Quantity,
    stoichiometric_oxygen: pint.Quantity,
) -> pint.Quantity:
    r"""Moles of O2 left in the dry exhaust gas per kg of residual gas.

    Parameters
    ----------
    exhaust_oxygen_fraction : Quantity
        v_O2,EG,m, measured O2 fraction of the dry exhaust [dimensionless].
    air_oxygen_fraction : Quantity
        v_O2,air, 0.21 [dimensionless].
    carbon_fraction : Quantity
        MF_C,RG,m [dimensionless].
    carbon_atomic_mass : Quantity
        AM_C [kg/kmol].
    nitrogen_fraction : Quantity
        MF_N,RG,m [dimensionless].
    nitrogen_atomic_mass : Quantity
        AM_N, 14.01 [kg/kmol].
    stoichiometric_oxygen : Quantity
        F_O2,RG,m from eq. (13) [kmol/kg].

    Returns
    -------
    Quantity
        n_O2,EG,m [kmol/kg].

    Notes
    -----
    .. math:: n_{O2,EG,m} = \frac{v_{O2,EG,m}}{1 - v_{O2,EG,m}/v_{O2,air}}
       \left[\frac{MF_{C}}{AM_C} + \frac{MF_{N}}{2 AM_N}
       + \frac{1 - v_{O2,air}}{v_{O2,air}} F_{O2,RG,m}\right]  \tag{TOOL06 (12)}

    References
    ----------
    TOOL06 v04.0, para. 36, equation (12).

    Examples
    --------
    Methane burned with twice the stoichiometric air: per kmol CH4 the dry exhaust holds
    1 CO2, 2 O2 and 4 × 0.79/0.21 N2, so v_O2,EG = 2 / 18.05 and 2 kmol O2 are left:

    >>> from ccer_calc.units import Quantity
    >>> n = exhaust_o2_moles(
    ...     exhaust_oxygen_fraction=Quantity(2 / (3 + 4 * 0.79 / 0.21), ""),
    ...     air_oxygen_fraction=Quantity(0.21, ""),
    ...     carbon_fraction=Quantity(12 / 16.04, ""), carbon_atomic_mass=Quantity(12, "kg/kmol"),
    ...     nitrogen_fraction=Quantity(0, ""), nitrogen_atomic_mass=Quantity(14.01, "kg/kmol"),
    ...     stoichiometric_oxygen=Quantity(2 / 16.04, "kmol/kg"))
    >>> round(float(n.quantity.magnitude * 16.04), 6)
    2.0
    """
    air = (1 - air_oxygen_fraction) / air_oxygen_fraction
    burned = (carbon_fraction / carbon_atomic_mass
              + nitrogen_fraction / (2 * nitrogen_atomic_mass) + air * stoichiometric_oxygen)
    return exhaust_oxygen_fraction / (1 - exhaust_oxygen_fraction / air_oxygen_fraction) * burned


@equation(
    id="TOOL06 (11)", document=DOCUMENT, symbol="Q_CO2,EG,m",
    formula="Q_CO2,EG,m = MF_C,RG,m / AM_C × VM_ref",
    source=f"{DOCUMENT}, para. 36, eq. (11)",
    inputs={"carbon_fraction": "dimensionless", "carbon_atomic_mass": "kg/kmol",
            "molar_volume": "Nm3/kmol"},
    output=_PER_KG,
    description="CO2 volume in the exhaust gas per kg of residual gas",
)
def exhaust_co2_volume(
    carbon_fraction: pint.Quantity, carbon_atomic_mass: pint.Quantity,
    molar_volume: pint.Quantity,
) -> pint.Quantity:
    r"""Volume of CO2 in the dry exhaust per kg of residual gas.

    Parameters
    ----------
    carbon_fraction : Quantity
        MF_C,RG,m [dimensionless].
    carbon_atomic_mass : Quantity
        AM_C [kg/kmol].
    molar_volume : Quantity
        VM_ref, 22.4 [Nm3/kmol].

    Returns
    -------
    Quantity
        Q_CO2,EG,m [Nm3/kg].

    Notes
    -----
    .. math:: Q_{CO2,EG,m} = \frac{MF_{C,RG,m}}{AM_C} VM_{ref}  \tag{TOOL06 (11)}

    References
    ----------
    TOOL06 v04.0, para. 36, equation (11).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> q = exhaust_co2_volume(carbon_fraction=Quantity(0.6, ""),
    ...                        carbon_atomic_mass=Quantity(12, "kg/kmol"),
    ...                        molar_volume=Quantity(22.4, "Nm3/kmol"))
    >>> round(float(q.quantity.magnitude), 6)
    1.12
    """
    return carbon_fraction / carbon_atomic_mass * molar_volume


@equation(
    id="TOOL06 (10)", document=DOCUMENT, symbol="Q_N2,EG,m",
    formula="Q_N2,EG,m = VM_ref × {MF_N,RG,m / (2 AM_N) + (1 − v_O2,air) / v_O2,air × "
            "[F_O2,RG,m + n_O2,EG,m]}",
    source=f"{DOCUMENT}, para. 36, eq. (10)",
    inputs={"molar_volume": "Nm3/kmol", "nitrogen_fraction": "dimensionless",
            "nitrogen_atomic_mass": "kg/kmol", "air_oxygen_fraction": "dimensionless",
            "stoichiometric_oxygen": _KMOL_PER_KG, "exhaust_oxygen_moles": _KMOL_PER_KG},
    output=_PER_KG,
    description="N2 volume in the exhaust gas per kg of residual gas",
)
def exhaust_n2_volume(
    *,
    molar_volume: pint.Quantity, nitrogen_fraction: pint.Quantity,
    nitrogen_atomic_mass: pint.Quantity, air_oxygen_fraction: pint.Quantity,
    stoichiometric_oxygen: pint.Quantity, exhaust_oxygen_moles: pint.Quantity,
) -> pint.Quantity:
    r"""Volume of N2 in the dry exhaust per kg of residual gas (from the gas and the air).

    Parameters
    ----------
    molar_volume : Quantity
        VM_ref [Nm3/kmol].
    nitrogen_fraction : Quantity
        MF_N,RG,m [dimensionless].
    nitrogen_atomic_mass : Quantity
        AM_N [kg/kmol].
    air_oxygen_fraction : Quantity
        v_O2,air [dimensionless].
    stoichiometric_oxygen : Quantity
        F_O2,RG,m from eq. (13) [kmol/kg].
    exhaust_oxygen_moles : Quantity
        n_O2,EG,m from eq. (12) [kmol/kg].

    Returns
    -------
    Quantity
        Q_N2,EG,m [Nm3/kg].

    Notes
    -----
    .. math:: Q_{N2,EG,m} = VM_{ref} \left\{\frac{MF_{N,RG,m}}{2 AM_N}
       + \frac{1 - v_{O2,air}}{v_{O2,air}} \left[F_{O2,RG,m} + n_{O2,EG,m}\right]\right\}
       \tag{TOOL06 (10)}

    References
    ----------
    TOOL06 v04.0, para. 36, equation (10).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> q = exhaust_n2_volume(
    ...     molar_volume=Quantity(22.4, "Nm3/kmol"), nitrogen_fraction=Quantity(0, ""),
    ...     nitrogen_atomic_mass=Quantity(14.01, "kg/kmol"),
    ...     air_oxygen_fraction=Quantity(0.21, ""),
    ...     stoichiometric_oxygen=Quantity(0.1, "kmol/kg"),
    ...     exhaust_oxygen_moles=Quantity(0.1, "kmol/kg"))
    >>> round(float(q.quantity.magnitude), 6)
    16.853333
    """
    air = (1 - air_oxygen_fraction) / air_oxygen_fraction
    return molar_volume * (nitrogen_fraction / (2 * nitrogen_atomic_mass)
                           + air * (stoichiometric_oxygen + exhaust_oxygen_moles))


@equation(
    id="TOOL06 (9)", document=DOCUMENT, symbol="Q_O2,EG,m",
    formula="Q_O2,EG,m = n_O2,EG,m × VM_ref",
    source=f"{DOCUMENT}, para. 36, eq. (9)",
    inputs={"exhaust_oxygen_moles": _KMOL_PER_KG, "molar_volume": "Nm3/kmol"},
    output=_PER_KG,
    description="O2 volume in the exhaust gas per kg of residual gas",
)
def exhaust_o2_volume(
    exhaust_oxygen_moles: pint.Quantity, molar_volume: pint.Quantity
) -> pint.Quantity:
    r"""Volume of O2 in the dry exhaust per kg of residual gas.

    Parameters
    ----------
    exhaust_oxygen_moles : Quantity
        n_O2,EG,m from eq. (12) [kmol/kg].
    molar_volume : Quantity
        VM_ref [Nm3/kmol].

    Returns
    -------
    Quantity
        Q_O2,EG,m [Nm3/kg].

    Notes
    -----
    .. math:: Q_{O2,EG,m} = n_{O2,EG,m} \, VM_{ref}  \tag{TOOL06 (9)}

    References
    ----------
    TOOL06 v04.0, para. 36, equation (9).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> q = exhaust_o2_volume(exhaust_oxygen_moles=Quantity(0.1, "kmol/kg"),
    ...                       molar_volume=Quantity(22.4, "Nm3/kmol"))
    >>> round(float(q.quantity.magnitude), 6)
    2.24
    """
    return exhaust_oxygen_moles * molar_volume


@equation(
    id="TOOL06 (8)", document=DOCUMENT, symbol="Q_EG,m",
    formula="Q_EG,m = Q_CO2,EG,m + Q_O2,EG,m + Q_N2,EG,m",
    source=f"{DOCUMENT}, para. 36, eq. (8)",
    inputs={"co2_volume": _PER_KG, "o2_volume": _PER_KG, "n2_volume": _PER_KG},
    output=_PER_KG,
    description="dry exhaust gas volume per kg of residual gas",
)
def exhaust_gas_volume_per_kg(
    co2_volume: pint.Quantity, o2_volume: pint.Quantity, n2_volume: pint.Quantity
) -> pint.Quantity:
    r"""Volume of dry exhaust gas per kg of residual gas.

    Parameters
    ----------
    co2_volume : Quantity
        Q_CO2,EG,m from eq. (11) [Nm3/kg].
    o2_volume : Quantity
        Q_O2,EG,m from eq. (9) [Nm3/kg].
    n2_volume : Quantity
        Q_N2,EG,m from eq. (10) [Nm3/kg].

    Returns
    -------
    Quantity
        Q_EG,m [Nm3/kg].

    Notes
    -----
    .. math:: Q_{EG,m} = Q_{CO2,EG,m} + Q_{O2,EG,m} + Q_{N2,EG,m}  \tag{TOOL06 (8)}

    References
    ----------
    TOOL06 v04.0, para. 36, equation (8).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> q = exhaust_gas_volume_per_kg(co2_volume=Quantity(1.12, "Nm3/kg"),
    ...                               o2_volume=Quantity(2.24, "Nm3/kg"),
    ...                               n2_volume=Quantity(16.85, "Nm3/kg"))
    >>> round(float(q.quantity.magnitude), 6)
    20.21
    """
    return co2_volume + o2_volume + n2_volume
