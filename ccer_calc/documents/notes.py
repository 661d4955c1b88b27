"""The engine's explanatory notes inside citations, in the document's language (#9).

An equation's or a parameter's ``source`` is a citation (document, version, section, paragraph,
equation, official English titles), often followed by a note the engine or a plug-in wrote:
how a quantity is signed, how a value is spread over days, why a value is provisional. The
citation is shown as written; each recurring note is reworded by the catalogue's
``note.<key>`` entry, with the named groups of its pattern as placeholders. The source strings
themselves (and so the JSON trail) are not changed.
"""

from __future__ import annotations

import functools
import re
from functools import partial

from ccer_calc.documents.messages import message, translate

__all__ = ["notes"]

_POOL = r"(?P<pool>dead wood|litter|soil organic carbon)"

#: Patterns of the notes, applied in this order (longer notes before their parts).
_NOTES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern)) for key, pattern in (
        ("sign_baseline", r"reported as baseline emissions with the engine's sign"),
        ("sign_project", r"reported as project emissions with the engine's sign"),
        ("removals_negative", r"removals are negative emissions"),
        ("days_linear", r"over the d_t days of year t among the D days between the estimates, "
                        r"on the assumption of linear change"),
        ("share_whole", r"(?:over Δt, |with Δt )the share of year t the days cover "
                        r"\(1 year for a whole year\)"),
        ("share", r"over Δt, the share of year t the days cover"),
        ("precision_rule", r"precision target and deduction share, defaults of the CDM parent's "
                           r"precision rule"),
        ("parent_where", r"the CDM parent's where-list of eq\. (?P<eq>\(\d+\))"),
        ("where_list", r"where-list of eq\. (?P<eq>\(\d+\))"),
        ("parent_eq", r"the CDM parent's eq\. (?P<eq>\(\d+\))"),
        ("mee_unavailable", r"the MEE text is unavailable"),
        ("provisional", r"\bprovisional: "),
        ("pool_optional", _POOL + r" optional, accounted when the project selects it"),
        ("shrub_always", r"shrub biomass always accounted"),
        ("no_tree_change", r"no baseline tree change, so none in " + _POOL),
        ("precision_as", r"precision as in "),
        ("discount_over", r"discount where U is more than (?P<pct>\d+) per cent"),
        ("applied_full", r"applied in full"),
        ("applied_where", r"applied where (?P<cond>\S+ = \d+)"),
        ("zero_after", r"Delta (?P<symbol>\S+) is zero after the (?P<n>\d+)th year from the "
                       r"start of the project"),
        ("two_sided", r"(?P<symbol>t_VAL) two-sided at (?P<pct>\d+) per cent"),
        ("bans", r"(?P<doc>\S+) bans man-made burning and displacing agriculture"),
        ("bans_batch", r"the bans known for (?P<doc>\S+) of the same batch "
                       r"\(burning, displacing agriculture\)"),
        ("interpretation", r"(?P<year>\d{4}) interpretation article, secondary copy"),
        ("interpretation_article", r"(?P<year>\d{4}) interpretation article"),
        ("secondary_copy", r", read in a secondary copy"),
        ("secondary_copy_short", r"(?<=, )secondary copy"),
        ("secondary_transcription", r"secondary transcription of the MEE text"),
        ("mee_not_read", r"MEE text not read"),
        ("known_condition", r"(?<=, )a known condition"),
        ("built_on", r"text unavailable, built on (?P<doc>\S+ v[\d.]+)"),
        ("rule_not_known", r"the rule of (?P<doc>\S+) is not known \(only (?P<read>[^)]+) read\)"),
        ("ban_batch", r"the ban known for (?P<doc>\S+) of the same batch"),
        ("is_applied", r" is applied$"),
        ("engine_scope", r"(?<=; )engine scope"),
        ("fuel_meters", r"flow meters at the CSP energy metering point; gas meters class "
                        r"(?P<cls>[\d.]+) or better per (?P<std>GB \d+); cross-checked with "
                        r"purchase invoices"),
        ("parameter_table", r"data / parameter table (?P<n>\d+)"),
        ("on_site", r"measured on site, continuously"),
        ("quantity_of", r"the quantity of eq\. (?P<eq>\(\d+\))"),
        ("as_parent", r"as the CDM parent "),
        ("by_tool", r", by (?P<doc>AR-TOOL\d+)"),
        ("permanent", r"its eq\. (?P<eq>[\d-]+) do not apply to permanent units"),
        ("not_bundled", r"not bundled: state it with its source"),
        ("used_by", r", used by "),
        ("and_by", r" and by "),
        ("unidentified_land", r"(?P<symbol>\S+) of an unidentified receiving land"),
        ("default_unless", r"default unless transparent and verifiable information justifies "
                           r"another value"),
        ("assumption_after", r"assumption (?P<item>\S+) after (?P<n>\d+) years"),
        ("default_weights_para", r"default weights: para\. (?P<para>\d+)"),
        ("default_weights_eq", r"default weights of eq\. (?P<eq>\(\d+\))"),
        ("verified", r"verified against the text"),
        ("refers_may", r"the methodology that refers to (?P<doc>\S+) may specify others"),
        ("stand_simulated", r"stand parameters simulated from the planting plan: area planted, "
                            r"survival included, by year, stratum and species"),
        ("yield_curves", r"yield curves as local tree-growth data for the ex-ante projection "
                         r"of para\. (?P<para>\d+)"),
        ("no_uncertainty", r"not subject to uncertainty control, para\. (?P<para>\d+)"),
        ("the_function", r"the function: "),
        ("in_form_of", r"in the form of "),
        ("anti_freeze", r"fossil fuel for anti-freeze heating"),
        ("mee_guidelines", r"MEE enterprise GHG accounting guidelines"),
        ("upstream", r"upstream fuel effects judged small; leakage not counted"),
        ("meter_out", r"meter not calibrated, or calibrated but out of tolerance"),
        ("backup", r"backup generators, O&M vessels and vehicles: included, set to 0"),
        ("term_one_fuel", r"the term of one fuel (?P<fuel>\w+)"),
        ("year_y", r"for year y, else the latest earlier edition"),
        ("same_table", r"same table as "),
        ("full_text", r"full text at "),
        ("in_force", r"in force (?P<date>\d{4}-\d{2}-\d{2})"),
        ("part_of", r"(?P<cite>CDM ACM0002(?: \([^)]*\))?, )(?P<part>[a-z][^\[;]*?)"
                    r"(?=;| \[U|$)"),
        ("background", r"\[U: from background knowledge of (?P<doc>\S+), not checked against "
                       r"the text\]"),
        ("background_u", r"\[U\] from background knowledge of (?P<doc>\S+), not checked against "
                         r"the text"),
        ("project_states", r"the project states it \(e\.g\. a CDM standardized baseline\)"),
    ))


@functools.lru_cache(maxsize=4096)  # pure text to text; a document repeats its sources
def notes(text: str, lang: str) -> str:
    """``text`` with each known note of the engine reworded in ``lang``; the rest as written.

    Examples
    --------
    >>> notes("AR-TOOL16 v01.1.0, para. 12, eq. (8), with Δt the share of year t the days "
    ...       "cover (1 year for a whole year)", "zh")
    'AR-TOOL16 v01.1.0, para. 12, eq. (8), Δt 为各天数占第 t 年的比例（整年为 1 年）'
    >>> notes("AR-TOOL12 v03.1, section 6.2, para. 34, eq. (9)", "zh")
    'AR-TOOL12 v03.1, section 6.2, para. 34, eq. (9)'
    """
    if lang == "en":
        return text
    for key, pattern in _NOTES:
        text = pattern.sub(partial(_note, key, lang=lang), text)
    return text


def _note(key: str, found: re.Match[str], *, lang: str) -> str:
    values = found.groupdict()
    for name in ("pool", "part"):  # a carbon pool, a part of a document: words in [text]
        if name in values:
            values[name] = translate(values[name], lang)
    return message(f"note.{key}", lang, **values)
