"""Grid emission factor from plant data by CDM TOOL07 v07.0: the public names in one place.

The CCER energy methodologies take the OM and BM that MEE publishes (see
:mod:`ccer_calc.tools.mee_grid_factors`); TOOL07 computes them from plant or unit data for
methodologies and projects that have no published factor (CDM ACM0002 outside China, or a
cross-check of a published one). The code lives in six modules, each citing the paragraphs and
equations of TOOL07 v07.0 it implements:

* :mod:`ccer_calc.tools.tool07_simple_om`: eq. (3), (4), (5), (9) and para. 42(a);
* :mod:`ccer_calc.tools.tool07_adjusted_average_om`: eq. (10) and the average OM of para. 70;
* :mod:`ccer_calc.tools.tool07_lcmr_share`: eq. (1), (2) and the other tests of para. 40;
* :mod:`ccer_calc.tools.tool07_lambda`: eq. (11), Appendices 2 and 3;
* :mod:`ccer_calc.tools.tool07_build_margin`: para. 75 and eq. (15);
* :mod:`ccer_calc.tools.tool07_common`: the default weights of para. 86.

The combined margin, eq. (16), is declared by each methodology that uses it, in its own
``equations.py`` (ACM0002: ``TOOL07 (16)``, citing TOOL07 v07.0; the CCER methodologies under
their own numbers); the shared arithmetic is
:func:`ccer_calc.tools.grid_power.combined_margin`.
"""

from __future__ import annotations

from ccer_calc.tools.tool07_adjusted_average_om import (
    average_operating_margin_option_a,
    average_operating_margin_option_b,
    simple_adjusted_operating_margin,
)
from ccer_calc.tools.tool07_build_margin import (
    BuildMarginSample,
    build_margin_emission_factor,
    build_margin_sample_group,
)
from ccer_calc.tools.tool07_common import TOOL07_WEIGHTS, tool07_weight_names
from ccer_calc.tools.tool07_lambda import (
    default_lambda,
    hours_lcmr_on_margin,
    lambda_from_hourly_load,
    lcmr_margin_share,
)
from ccer_calc.tools.tool07_lcmr_share import (
    LCMR_LIMIT,
    lcmr_share_average_of_shares,
    lcmr_share_long_term_hydro,
    lcmr_share_ratio_of_averages,
    simple_om_applicable,
    simple_om_applicable_by_load,
)
from ccer_calc.tools.tool07_simple_om import (
    generation_weighted_operating_margin,
    simple_operating_margin_option_a,
    simple_operating_margin_option_b,
    unit_emission_factor_option_a1,
    unit_emission_factor_option_a2,
)

__all__ = [
    "LCMR_LIMIT",
    "TOOL07_WEIGHTS",
    "BuildMarginSample",
    "average_operating_margin_option_a",
    "average_operating_margin_option_b",
    "build_margin_emission_factor",
    "build_margin_sample_group",
    "default_lambda",
    "generation_weighted_operating_margin",
    "hours_lcmr_on_margin",
    "lambda_from_hourly_load",
    "lcmr_margin_share",
    "lcmr_share_average_of_shares",
    "lcmr_share_long_term_hydro",
    "lcmr_share_ratio_of_averages",
    "simple_adjusted_operating_margin",
    "simple_om_applicable",
    "simple_om_applicable_by_load",
    "simple_operating_margin_option_a",
    "simple_operating_margin_option_b",
    "tool07_weight_names",
    "unit_emission_factor_option_a1",
    "unit_emission_factor_option_a2",
]
