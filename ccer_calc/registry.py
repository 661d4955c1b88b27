"""Discovery of methodology plug-ins through the entry-point group ``ccer_calc.methodologies``.

Listing ids reads entry-point metadata only. Describing a plug-in reads the light ``INFO``
(:class:`~ccer_calc.plugin_info.MethodologyInfo`) its package exports, where there is one, so
``ccer-calc methodologies`` imports no plug-in in full. A plug-in is imported when first
requested, checked against the contract (and against its ``INFO``), and kept by the
:class:`Registry` instance that loaded it. A plug-in that fails to import or breaks the contract
raises :class:`PluginError` for its own id only; the others keep working. Two distributions
registering the same id are refused. This module imports no heavy library itself.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, Any

from ccer_calc.errors import MethodologyNotFound, PluginError
from ccer_calc.plugin_info import IDENTITY, MethodologyInfo, disagreements

if TYPE_CHECKING:
    from ccer_calc.methodology import Methodology

__all__ = ["GROUP", "PluginInfo", "Registry", "default_registry"]

GROUP = "ccer_calc.methodologies"


@dataclass(frozen=True)
class PluginInfo:
    """Entry-point metadata of one plug-in: its id, target, and distribution."""

    id: str
    target: str
    distribution: str
    distribution_version: str


@dataclass
class Registry:
    """Plug-ins found in a set of entry points (by default, the installed ones)."""

    entry_points: tuple[metadata.EntryPoint, ...] | None = None
    _loaded: dict[str, Methodology] = field(default_factory=dict, repr=False)
    _infos: dict[str, list[PluginInfo]] | None = field(default=None, repr=False)

    def _eps(self) -> tuple[metadata.EntryPoint, ...]:
        if self.entry_points is None:
            self.entry_points = tuple(metadata.entry_points(group=GROUP))
        return self.entry_points

    def infos(self) -> dict[str, list[PluginInfo]]:
        """Every registered id with the plug-ins claiming it (more than one is a conflict).

        Read once per registry: the entry points of an instance do not change.
        """
        if self._infos is not None:
            return self._infos
        out: dict[str, list[PluginInfo]] = {}
        dists: dict[int, tuple[str, str]] = {}  # METADATA parsed once per distribution
        for ep in self._eps():
            dist = ep.dist
            if dist is None:
                name, version = "unknown", "unknown"
            else:
                if id(dist) not in dists:
                    meta = dist.metadata
                    dists[id(dist)] = (meta["Name"], meta["Version"])
                name, version = dists[id(dist)]
            info = PluginInfo(ep.name, ep.value, name, version)
            if info not in out.setdefault(ep.name, []):
                out[ep.name].append(info)
        self._infos = out
        return out

    def ids(self) -> list[str]:
        """Registered methodology ids, sorted (reads metadata only, imports nothing)."""
        return sorted(self.infos())

    def info(self, methodology_id: str) -> PluginInfo:
        """Entry-point metadata of one id.

        Raises
        ------
        MethodologyNotFound
            If no plug-in registers the id.
        PluginError
            If two distributions register it.
        """
        infos = self.infos()
        if methodology_id not in infos:
            raise MethodologyNotFound(
                "unknown methodology", field="methodology", value=methodology_id,
                expected="one of " + (", ".join(sorted(infos)) or "(none installed)"))
        claims = infos[methodology_id]
        if len(claims) > 1:
            who = ", ".join(f"{c.distribution} ({c.target})" for c in claims)
            raise PluginError(f"registered by more than one distribution: {who}; "
                              "uninstall one of them", methodology=methodology_id)
        return claims[0]

    def _entry_point(self, methodology_id: str) -> metadata.EntryPoint:
        return next(e for e in self._eps() if e.name == methodology_id)

    def light_info(self, methodology_id: str) -> MethodologyInfo | None:
        """The ``INFO`` the plug-in's package exports, without loading the plug-in in full.

        Returns None when the package exports none (the plug-in must then be loaded to be
        described).

        Raises
        ------
        PluginError
            If the package itself fails to import.
        """
        info = self.info(methodology_id)
        ep = self._entry_point(methodology_id)
        try:
            module = importlib.import_module(ep.module)
        except Exception as exc:  # a third-party import failure is isolated here
            raise PluginError(
                f"plug-in from distribution {info.distribution!r} failed to load "
                f"({type(exc).__name__}: {exc})", methodology=methodology_id) from exc
        light = getattr(module, "INFO", None)
        return light if isinstance(light, MethodologyInfo) else None

    def describe_all(self, *, load: bool) -> list[dict[str, Any]]:
        """Identity of every registered methodology, sorted by id.

        With ``load`` each plug-in is imported and validated (a broken one is listed with
        status ``broken`` and its error); without it the light ``INFO`` is read where a package
        exports one.
        """
        out: list[dict[str, Any]] = []
        for mid in self.ids():
            try:
                light = None if load else self.light_info(mid)
                ident = light.to_dict() if light is not None else {
                    k: getattr(self.get(mid), k) for k in IDENTITY}
                ident["provisional"] = list(ident["provisional"])
            except PluginError as exc:
                out.append({"id": mid, "status": "broken", "error": str(exc)})
                continue
            info = self.info(mid)
            out.append({**ident, "distribution": f"{info.distribution} "
                                                 f"{info.distribution_version}"})
        return out

    def get(self, methodology_id: str) -> Methodology:
        """Load, validate and return one methodology plug-in."""
        if methodology_id in self._loaded:
            return self._loaded[methodology_id]
        from ccer_calc.plugin_contract import validate_methodology  # noqa: PLC0415 - heavy

        info = self.info(methodology_id)
        ep = self._entry_point(methodology_id)
        try:
            obj = ep.load()
        except Exception as exc:  # any failure inside a third-party import is isolated here
            raise PluginError(
                f"plug-in from distribution {info.distribution!r} failed to load "
                f"({type(exc).__name__}: {exc})", methodology=methodology_id) from exc
        m = validate_methodology(obj, methodology_id, info.distribution)
        light = self.light_info(methodology_id)
        if light is not None:
            try:
                differ = disagreements(light, m)
            except Exception as exc:  # an INFO path that does not import is isolated here
                raise PluginError(
                    f"plug-in from distribution {info.distribution!r} exports an INFO whose "
                    f"models do not load ({type(exc).__name__}: {exc})",
                    methodology=methodology_id,
                    expected="inputs and expected of INFO as 'module:Name' paths that import"
                    ) from exc
            if differ:
                raise PluginError(
                    f"plug-in from distribution {info.distribution!r} exports an INFO that "
                    f"disagrees with the loaded methodology on {', '.join(differ)}",
                    methodology=methodology_id,
                    expected="an INFO stating what the loaded methodology declares")
        self._loaded[methodology_id] = m
        return m


@functools.cache
def default_registry() -> Registry:
    """The registry of installed plug-ins (entry points are read once per process)."""
    return Registry()
