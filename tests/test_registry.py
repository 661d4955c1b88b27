"""The plug-in registry, driven by fake entry points pointing at modules made in tmp_path."""

from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import pytest

from ccer_calc.api import list_methodologies
from ccer_calc.errors import MethodologyNotFound, PluginError
from ccer_calc.methodology import Methodology
from ccer_calc.registry import GROUP, Registry, default_registry

PLUGIN_SOURCE = textwrap.dedent('''
    from methodologies.ccer_01_002_v01.methodology import OffshoreWind


    class Fake(OffshoreWind):
        id = "FAKE-01"


    GOOD = Fake()
    NOT_A_METHODOLOGY = {"id": "FAKE-01"}
''')


@pytest.fixture
def plugin_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., str]]:
    """Create importable modules in tmp_path; return a function (source) -> module name."""
    monkeypatch.syspath_prepend(str(tmp_path))
    made: list[str] = []

    def make(source: str) -> str:
        name = f"ccer_fake_plugin_{uuid.uuid4().hex}"
        (tmp_path / f"{name}.py").write_text(source, "utf-8")
        made.append(name)
        return name

    yield make
    for name in made:
        sys.modules.pop(name, None)


def _ep(name: str, value: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=name, value=value, group=GROUP)


def test_good_plugin_loads_and_is_cached(plugin_module: Callable[..., str]) -> None:
    mod = plugin_module(PLUGIN_SOURCE)
    reg = Registry((_ep("FAKE-01", f"{mod}:GOOD"),))
    assert reg.ids() == ["FAKE-01"]
    m = reg.get("FAKE-01")
    assert isinstance(m, Methodology)
    assert m.id == "FAKE-01"
    assert reg.get("FAKE-01") is m
    info = reg.info("FAKE-01")
    assert (info.id, info.target, info.distribution) == ("FAKE-01", f"{mod}:GOOD", "unknown")


def test_listing_imports_nothing(plugin_module: Callable[..., str]) -> None:
    mod = plugin_module("raise RuntimeError('imported too early')\n")
    reg = Registry((_ep("FAKE-LAZY", f"{mod}:X"),))
    assert reg.ids() == ["FAKE-LAZY"]
    assert mod not in sys.modules


def test_broken_plugin_fails_alone(plugin_module: Callable[..., str]) -> None:
    good = plugin_module(PLUGIN_SOURCE)
    broken = plugin_module("import ccer_no_such_module_anywhere  # noqa: F401\n")
    reg = Registry((_ep("FAKE-BROKEN", f"{broken}:METHODOLOGY"), _ep("FAKE-01", f"{good}:GOOD")))
    with pytest.raises(PluginError, match=r"\[FAKE-BROKEN\] plug-in from distribution "
                                          r"'unknown' failed to load \(ModuleNotFoundError: "
                                          r"No module named 'ccer_no_such_module_anywhere'\)"
                       ) as info:
        reg.get("FAKE-BROKEN")
    assert info.value.methodology == "FAKE-BROKEN"
    assert isinstance(info.value, ImportError)
    assert reg.get("FAKE-01").id == "FAKE-01"


def test_plugin_raising_at_import_is_isolated(plugin_module: Callable[..., str]) -> None:
    broken = plugin_module("raise ZeroDivisionError('boom')\n")
    reg = Registry((_ep("FAKE-BOOM", f"{broken}:METHODOLOGY"),))
    with pytest.raises(PluginError, match=r"failed to load \(ZeroDivisionError: boom\)"):
        reg.get("FAKE-BOOM")


def test_broken_plugin_is_listed_with_its_error(plugin_module: Callable[..., str]) -> None:
    good = plugin_module(PLUGIN_SOURCE)
    broken = plugin_module("raise ImportError('missing dependency')\n")
    reg = Registry((_ep("FAKE-BROKEN", f"{broken}:METHODOLOGY"), _ep("FAKE-01", f"{good}:GOOD")))
    listed = {m["id"]: m for m in list_methodologies(registry=reg)}
    assert listed["FAKE-BROKEN"]["status"] == "broken"
    assert "missing dependency" in listed["FAKE-BROKEN"]["error"]
    assert listed["FAKE-01"]["title_en"] == "Grid-connected offshore wind power"


def test_object_that_is_not_a_methodology_is_rejected(plugin_module: Callable[..., str]) -> None:
    mod = plugin_module(PLUGIN_SOURCE)
    reg = Registry((_ep("FAKE-01", f"{mod}:NOT_A_METHODOLOGY"),))
    with pytest.raises(PluginError, match=r"\[FAKE-01\] plug-in from distribution 'unknown' is "
                                          r"a dict, not a ccer_calc Methodology instance"):
        reg.get("FAKE-01")


def test_id_mismatch_is_rejected(plugin_module: Callable[..., str]) -> None:
    mod = plugin_module(PLUGIN_SOURCE)
    reg = Registry((_ep("FAKE-02", f"{mod}:GOOD"),))
    with pytest.raises(PluginError, match=r"\[FAKE-02\] .*declares id 'FAKE-01' but is "
                                          r"registered as 'FAKE-02'"):
        reg.get("FAKE-02")


def test_duplicate_id_is_refused(plugin_module: Callable[..., str]) -> None:
    one, two = plugin_module(PLUGIN_SOURCE), plugin_module(PLUGIN_SOURCE)
    reg = Registry((_ep("FAKE-01", f"{one}:GOOD"), _ep("FAKE-01", f"{two}:GOOD")))
    with pytest.raises(PluginError, match=rf"\[FAKE-01\] registered by more than one "
                                          rf"distribution: unknown \({one}:GOOD\), unknown "
                                          rf"\({two}:GOOD\); uninstall one of them"):
        reg.get("FAKE-01")
    assert one not in sys.modules  # refused before anything is imported


def test_same_entry_point_seen_twice_is_not_a_duplicate(
    plugin_module: Callable[..., str],
) -> None:
    mod = plugin_module(PLUGIN_SOURCE)
    reg = Registry((_ep("FAKE-01", f"{mod}:GOOD"), _ep("FAKE-01", f"{mod}:GOOD")))
    assert reg.get("FAKE-01").id == "FAKE-01"


def test_unknown_id_lists_known_ids(plugin_module: Callable[..., str]) -> None:
    mod = plugin_module(PLUGIN_SOURCE)
    reg = Registry((_ep("FAKE-01", f"{mod}:GOOD"), _ep("FAKE-00", f"{mod}:GOOD")))
    with pytest.raises(MethodologyNotFound, match=r"methodology: unknown methodology \(got "
                                                  r"'NOPE'; expected one of FAKE-00, "
                                                  r"FAKE-01\)") as info:
        reg.get("NOPE")
    assert isinstance(info.value, LookupError)


def test_empty_registry_says_none_installed() -> None:
    with pytest.raises(MethodologyNotFound, match=r"expected one of \(none installed\)"):
        Registry(()).get("CCER-01-002-V01")


def test_installed_registry_has_the_builtin_plugins() -> None:
    reg = default_registry()
    assert {"CCER-01-002-V01", "CCER-01-001-V01", "ACM0002"} <= set(reg.ids())
    info = reg.info("CCER-01-002-V01")
    assert info.target == "methodologies.ccer_01_002_v01:METHODOLOGY"
    assert info.distribution == "ccer-calc"
    assert reg.get("CCER-01-002-V01").id == "CCER-01-002-V01"
