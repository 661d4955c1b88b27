"""TOOL06 v04.0 residual gas: composition, molecular mass (7), density (6), mass (5), eq. (14).

Step 2.3 and para. 37 of TOOL06 v04.0: from the volumetric fractions of the residual gas's
components (measured, or methane measured and the rest taken as N2), its molecular mass, its
density at reference conditions, its mass flow and the mass fractions of C, H, O and N that the
exhaust-gas stoichiometry of :mod:`ccer_calc.tools.flaring_exhaust_gas` needs. The constants
are those of Table 1 (para. 40).

Reference conditions are 0 °C and 101.325 kPa (para. 10(h)), the conditions of the engine's
normal cubic metre (Nm3), so a volume "at reference conditions" is a normal volume here.
"""

from __future__ import annotations

import numpy as np
import pint

from ccer_calc.equation import equation
from ccer_calc.errors import InputError
from ccer_calc.units import Quantity

__all__ = [
    "ATOMIC_MASS",
    "ATOMS",
    "COMPONENTS",
    "MOLECULAR_MASS",
    "REFERENCE_PRESSURE",
    "REFERENCE_TEMPERATURE",
    "UNIVERSAL_GAS_CONSTANT",
    "element_mass_fraction",
    "residual_gas_density",
    "residual_gas_fractions",
    "residual_gas_mass",
    "residual_gas_molecular_mass",
]

DOCUMENT = "TOOL06 v04.0"
#: Components of the residual gas in the order of the component axis (para. 10(j)).
COMPONENTS = ("CH4", "CO", "CO2", "O2", "H2", "H2S", "NH3", "N2")
#: MM_i [kg/kmol], Table 1; NH3 is AM_N + 3 AM_H of Table 1 and H2S 2 AM_H + 32.06 (sulfur,
#: IUPAC standard atomic weight), since Table 1 lists neither although para. 10(j) names them.
MOLECULAR_MASS = Quantity(np.array([16.04, 28.01, 44.01, 32.00, 2.02, 34.08, 17.04, 28.02]),
                          "kg/kmol")
#: AM_j of the elements C, H, O, N [kg/kmol], Table 1.
ATOMIC_MASS = {"C": Quantity(12.00, "kg/kmol"), "H": Quantity(1.01, "kg/kmol"),
               "O": Quantity(16.00, "kg/kmol"), "N": Quantity(14.01, "kg/kmol")}
#: NA_j,i: atoms of element j (C, H, O, N) in each component of :data:`COMPONENTS`.
ATOMS = {"C": np.array([1, 1, 1, 0, 0, 0, 0, 0.0]), "H": np.array([4, 0, 0, 0, 2, 2, 3, 0.0]),
         "O": np.array([0, 1, 2, 2, 0, 0, 0, 0.0]), "N": np.array([0, 0, 0, 0, 0, 0, 1, 2.0])}
#: P_ref and T_ref, Table 1.
REFERENCE_PRESSURE = Quantity(101325.0, "Pa")
REFERENCE_TEMPERATURE = Quantity(273.15, "K")
#: R_u. Table 1 prints 0.008314472 with the unit Pa·m³/(kmol·K), a unit slip: with P in Pa and
#: MM in kg/kmol, eq. (6) gives the 0.716 kg/m³ of methane (Table 1, rho_CH4,n) only with
#: 8314.472 Pa·m³/(kmol·K), i.e. 0.008314472 MJ/(kmol·K).
UNIVERSAL_GAS_CONSTANT = Quantity(8314.472, "Pa * m^3 / (kmol * K)")
#: Tolerance on the sum of the volumetric fractions (measured fractions are rounded).
SUM_TOLERANCE = 1e-6
#: A geometric m³ of gas at the reference conditions is one normal m³ (para. 10(h)).
_NORMAL = Quantity(1.0, "Nm3 / m^3")


def residual_gas_fractions(n2_is_remainder: bool = True,
                           **fractions: pint.Quantity) -> pint.Quantity:
    """Stack component fractions v_i,RG,m into an array (..., 8) in :data:`COMPONENTS` order.

    Parameters
    ----------
    n2_is_remainder : bool
        Take N2 as the difference to 100 % (para. 35(b), 37(b) and data table 5's simplified
        approach); then N2 must not be given.
    **fractions : Quantity
        Volumetric fraction of each measured component, keyword = component (``CH4=...``),
        dry basis, per minute [dimensionless or %].

    Raises
    ------
    InputError
        If a component is unknown, a fraction is outside [0, 1], or the fractions do not add
        up to 1 (within 1e-6) when N2 is given, or exceed 1 when it is the remainder.

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> v = residual_gas_fractions(CH4=Quantity(55, "%"), CO2=Quantity(40, "%"))
    >>> [round(x, 6) for x in v.magnitude.tolist()]
    [0.55, 0.0, 0.4, 0.0, 0.0, 0.0, 0.0, 0.05]
    """
    unknown = sorted(set(fractions) - set(COMPONENTS))
    if unknown or (n2_is_remainder and "N2" in fractions):
        raise InputError("unknown or doubly given residual gas component", field="fractions",
                         value=unknown or ["N2"], expected=f"some of {', '.join(COMPONENTS)}; "
                         "N2 only when it is not the remainder")
    given = {k: np.asarray(q.m_as(""), dtype=np.float64) for k, q in fractions.items()}
    shape = np.broadcast_shapes(*(a.shape for a in given.values())) if given else ()
    cols = [np.broadcast_to(given.get(c, np.zeros(shape)), shape) for c in COMPONENTS]
    v = np.stack(cols, axis=-1)
    if n2_is_remainder:
        v[..., -1] = 1.0 - v[..., :-1].sum(axis=-1)
    total = v.sum(axis=-1)
    if np.any(v < -SUM_TOLERANCE) or np.any(np.abs(total - 1) > SUM_TOLERANCE):
        raise InputError("volumetric fractions outside [0, 1] or not adding up to 100 %",
                         field="fractions", value=float(np.max(v[..., :-1].sum(axis=-1))),
                         expected="fractions in [0, 1] that sum to 1")
    return Quantity(np.clip(v, 0.0, 1.0), "")


@equation(
    id="TOOL06 (7)", document=DOCUMENT, symbol="MM_RG,m",
    formula="MM_RG,m = Σ_i v_i,RG,m × MM_i",
    source=f"{DOCUMENT}, para. 35, eq. (7); MM_i from Table 1",
    inputs={"volume_fractions": "dimensionless", "molecular_masses": "kg/kmol"},
    output="kg/kmol",
    description="molecular mass of the residual gas in each minute",
)
def residual_gas_molecular_mass(
    volume_fractions: pint.Quantity, molecular_masses: pint.Quantity
) -> pint.Quantity:
    r"""Molecular mass of the residual gas from its volumetric composition.

    Parameters
    ----------
    volume_fractions : Quantity
        v_i,RG,m, shape (..., components) [dimensionless].
    molecular_masses : Quantity
        MM_i of the components, shape (components,): :data:`MOLECULAR_MASS` [kg/kmol].

    Returns
    -------
    Quantity
        MM_RG,m [kg/kmol], shape (...).

    Notes
    -----
    .. math:: MM_{RG,m} = \sum_i v_{i,RG,m} \, MM_i  \tag{TOOL06 (7)}

    References
    ----------
    TOOL06 v04.0, para. 35, equation (7); Table 1.

    Examples
    --------
    Landfill gas of 50 % CH4 and 50 % N2: 0.5 × 16.04 + 0.5 × 28.02:

    >>> from ccer_calc.units import Quantity
    >>> mm = residual_gas_molecular_mass(
    ...     volume_fractions=residual_gas_fractions(CH4=Quantity(0.5, "")),
    ...     molecular_masses=MOLECULAR_MASS)
    >>> round(float(mm.quantity.magnitude), 6)
    22.03
    """
    return (volume_fractions * molecular_masses).sum(axis=-1)


@equation(
    id="TOOL06 (6)", document=DOCUMENT, symbol="rho_RG,ref,m",
    formula="rho_RG,ref,m = P_ref / (R_u / MM_RG,m × T_ref)",
    source=f"{DOCUMENT}, para. 34, eq. (6); P_ref, R_u, T_ref from Table 1",
    inputs={"reference_pressure": "Pa", "gas_constant": "Pa * m^3 / (kmol * K)",
            "molecular_mass": "kg/kmol", "reference_temperature": "K"},
    output="kg/Nm3",
    description="density of the residual gas at reference conditions",
)
def residual_gas_density(
    reference_pressure: pint.Quantity,
    gas_constant: pint.Quantity,
    molecular_mass: pint.Quantity,
    reference_temperature: pint.Quantity,
) -> pint.Quantity:
    r"""Density of the residual gas at reference conditions, by the ideal gas law.

    Parameters
    ----------
    reference_pressure : Quantity
        P_ref, 101 325 Pa [Pa].
    gas_constant : Quantity
        R_u: :data:`UNIVERSAL_GAS_CONSTANT` [Pa * m^3 / (kmol * K)].
    molecular_mass : Quantity
        MM_RG,m from eq. (7) [kg/kmol].
    reference_temperature : Quantity
        T_ref, 273.15 K [K].

    Returns
    -------
    Quantity
        rho_RG,ref,m [kg/Nm3].

    Notes
    -----
    .. math:: \rho_{RG,ref,m} = \frac{P_{ref}}{\frac{R_u}{MM_{RG,m}} \, T_{ref}}
       \tag{TOOL06 (6)}

    References
    ----------
    TOOL06 v04.0, para. 34, equation (6); Table 1 (see :data:`UNIVERSAL_GAS_CONSTANT`).

    Examples
    --------
    Pure methane gives Table 1's rho_CH4,n = 0.716 kg/m³:

    >>> from ccer_calc.units import Quantity
    >>> rho = residual_gas_density(
    ...     reference_pressure=REFERENCE_PRESSURE, gas_constant=UNIVERSAL_GAS_CONSTANT,
    ...     molecular_mass=Quantity(16.04, "kg/kmol"),
    ...     reference_temperature=REFERENCE_TEMPERATURE)
    >>> round(float(rho.quantity.magnitude), 3)
    0.716
    """
    return reference_pressure / (gas_constant / molecular_mass * reference_temperature) / _NORMAL


@equation(
    id="TOOL06 (5)", document=DOCUMENT, symbol="M_RG,m",
    formula="M_RG,m = rho_RG,ref,m × V_RG,m",
    source=f"{DOCUMENT}, para. 34, eq. (5)",
    inputs={"density": "kg/Nm3", "volume": "Nm3"},
    output="kg",
    description="mass of the residual gas flared in each minute",
)
def residual_gas_mass(density: pint.Quantity, volume: pint.Quantity) -> pint.Quantity:
    r"""Mass flow of the residual gas in minute m from its volume flow (dry, reference).

    Parameters
    ----------
    density : Quantity
        rho_RG,ref,m from eq. (6) [kg/Nm3].
    volume : Quantity
        V_RG,m, residual gas flow in minute m, dry basis at reference conditions [Nm3].

    Returns
    -------
    Quantity
        M_RG,m [kg].

    Notes
    -----
    .. math:: M_{RG,m} = \rho_{RG,ref,m} \times V_{RG,m}  \tag{TOOL06 (5)}

    Projects may instead monitor M_RG,m directly (para. 34, data table 7).

    References
    ----------
    TOOL06 v04.0, para. 34, equation (5).

    Examples
    --------
    >>> from ccer_calc.units import Quantity
    >>> m = residual_gas_mass(density=Quantity(0.98, "kg/Nm3"), volume=Quantity(10.0, "Nm3"))
    >>> round(float(m.quantity.magnitude), 6)
    9.8
    """
    return density * volume


@equation(
    id="TOOL06 (14)", document=DOCUMENT, symbol="MF_j,RG,m",
    formula="MF_j,RG,m = Σ_i v_i,RG,m × AM_j × NA_j,i / MM_RG,m",
    source=f"{DOCUMENT}, para. 37, eq. (14); AM_j from Table 1",
    inputs={"volume_fractions": "dimensionless", "atomic_mass": "kg/kmol",
            "atoms_per_component": "dimensionless", "molecular_mass": "kg/kmol"},
    output="dimensionless",
    description="mass fraction of one element (C, H, O or N) in the residual gas",
)
def element_mass_fraction(
    volume_fractions: pint.Quantity,
    atomic_mass: pint.Quantity,
    atoms_per_component: pint.Quantity,
    molecular_mass: pint.Quantity,
) -> pint.Quantity:
    r"""Mass fraction of element j in the residual gas (call once per element, ``instance=j``).

    Parameters
    ----------
    volume_fractions : Quantity
        v_i,RG,m, shape (..., components) [dimensionless].
    atomic_mass : Quantity
        AM_j of the element, :data:`ATOMIC_MASS` [kg/kmol].
    atoms_per_component : Quantity
        NA_j,i, atoms of j in each component, :data:`ATOMS` [dimensionless].
    molecular_mass : Quantity
        MM_RG,m from eq. (7), shape (...) [kg/kmol].

    Returns
    -------
    Quantity
        MF_j,RG,m [dimensionless].

    Notes
    -----
    .. math:: MF_{j,RG,m} = \frac{\sum_i v_{i,RG,m} \, AM_j \, NA_{j,i}}{MM_{RG,m}}
       \tag{TOOL06 (14)}

    References
    ----------
    TOOL06 v04.0, para. 37, equation (14).

    Examples
    --------
    Carbon in 50 % CH4 / 50 % N2: 0.5 × 12 / 22.03:

    >>> from ccer_calc.units import Quantity
    >>> mf = element_mass_fraction(
    ...     volume_fractions=residual_gas_fractions(CH4=Quantity(0.5, "")),
    ...     atomic_mass=ATOMIC_MASS["C"], atoms_per_component=Quantity(ATOMS["C"], ""),
    ...     molecular_mass=Quantity(22.03, "kg/kmol"))
    >>> round(float(mf.quantity.magnitude), 6)
    0.272356
    """
    return (volume_fractions * atoms_per_component).sum(axis=-1) * atomic_mass / molecular_mass
