"""Shared calculation tools of the CDM afforestation and reforestation (A/R) methodologies.

One module per tool concern; none of them imports another methodology or the I/O layer:

* :mod:`.student_t` -- two-sided Student t values (no scipy);
* :mod:`.records` -- strata, plots and trees as arrays, with their validation;
* :mod:`.allometry` -- the catalogue of allometric and volume model *forms*;
* :mod:`.species` -- species parameters (wood density, BEF, root-shoot ratio, carbon fraction);
* :mod:`.defaults` -- the tools' default values, read from ``ccer_calc/tools/data/forestry``;
* :mod:`.tables` -- unit-headed CSV tables read column-wise;
* :mod:`.tool14_biomass`, :mod:`.tool14_variable_plots` -- AR-TOOL14 v04.2 Appendix 1;
* :mod:`.tool14_sampling` -- AR-TOOL14 eq. (12)-(17) (stratified random sampling);
* :mod:`.tool14_double` -- AR-TOOL14 eq. (18)-(19) and Appendix 3 (double sampling);
* :mod:`.tool14_discount` -- AR-TOOL14 Appendix 2 (uncertainty discount);
* :mod:`.tool14_change`, :mod:`.tool14_remeasure` -- AR-TOOL14 eq. (1)-(8), (11), (22)-(23);
* :mod:`.tool14_crown` -- AR-TOOL14 eq. (9)-(10), (20)-(21) (proportionate crown cover);
* :mod:`.tool14_shrubs` -- AR-TOOL14 eq. (24)-(27);
* :mod:`.tool14_zero` -- AR-TOOL14 section 5 and paragraphs 26-27 (zero conditions);
* :mod:`.tool14_stock` -- the plot-to-stock pipeline over a whole inventory;
* :mod:`.tool12_deadwood`, :mod:`.tool12_stumps_lying`, :mod:`.tool12_stocks`,
  :mod:`.tool12_litter` -- AR-TOOL12 v03.1;
* :mod:`.tool16_soc`, :mod:`.tool16_tables` -- AR-TOOL16 v01.1.0;
* :mod:`.tool08_burning`, :mod:`.tool08_forest_fire` -- AR-TOOL08 v04.0.0;
* :mod:`.tool15_leakage` -- AR-TOOL15 v02.0;
* :mod:`.growth` -- ex-ante growth models (not subject to uncertainty control);
* :mod:`.sink_events_in`, :mod:`.sink_events`, :mod:`.sink_event_checks`, :mod:`.sink_fire`,
  :mod:`.sink_leakage`, :mod:`.sink_gases` -- a sink project's fires and displacements, checked,
  and AR-TOOL08 and AR-TOOL15 applied to them on the period axis (the other ``sink_*`` modules
  are the shared stages of the sink plug-ins).
"""
