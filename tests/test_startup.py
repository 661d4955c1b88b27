"""Start-up: the parsed-definitions cache of the unit registry, and what the CLI imports."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import json, sys
from ccer_calc.units import Quantity, parse_unit, ureg
q = Quantity(2.5, "kt").to("t")
print(json.dumps({"kt": float(q.magnitude), "C": str(parse_unit("C").dimensionality),
                  "wan": float(Quantity(1, "万Nm3").to("Nm3").magnitude),
                  "cache": str(ureg.cache_folder) if ureg.cache_folder else None}))
"""


def _probe(env_cache: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "CCER_CALC_CACHE_DIR"}
    if env_cache is not None:
        env["CCER_CALC_CACHE_DIR"] = env_cache
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         env=env, check=True)
    return json.loads(out.stdout)


def test_registry_without_cache_writes_nothing(tmp_path):
    got = _probe(None)
    assert got == {"kt": 2500.0, "C": "[carbon]", "wan": 10000.0, "cache": None}


def test_cached_registry_gives_the_same_units(tmp_path):
    first = _probe(str(tmp_path))
    files = sorted(p.name for p in tmp_path.rglob("*.pickle"))
    assert files, "the first run fills the cache"
    second = _probe(str(tmp_path))  # built from the cache
    assert first == second
    assert first["kt"] == 2500.0 and first["C"] == "[carbon]" and first["wan"] == 10000.0
    assert Path(first["cache"]).parent == tmp_path  # one subfolder per pint version


def test_damaged_cache_is_removed_and_the_registry_built_from_text(tmp_path):
    _probe(str(tmp_path))
    for p in tmp_path.rglob("*.pickle"):
        p.write_bytes(b"not a pickle")
    got = _probe(str(tmp_path))
    assert got["kt"] == 2500.0 and got["C"] == "[carbon]"
    assert not any(p.read_bytes() == b"not a pickle" for p in tmp_path.rglob("*.pickle"))


@pytest.mark.parametrize("argv", [["--help"], ["methodologies"]])
def test_light_commands_import_neither_pint_nor_numpy(argv):
    code = ("import sys\nfrom ccer_calc.cli import main\n"
            f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pint', 'numpy', 'pydantic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _registered_ids() -> list[str]:
    from ccer_calc.registry import default_registry  # noqa: PLC0415

    return default_registry().ids()


@pytest.mark.parametrize("methodology_id", _registered_ids())
def test_schema_imports_neither_pint_nor_numpy(methodology_id, tmp_path):
    """``schema`` reads the plug-in's INFO and its input models only (#9), for every plug-in."""
    target = tmp_path / "schema.json"
    code = ("import sys\nfrom ccer_calc.cli import main\n"
            f"code = main(['schema', {methodology_id!r}, '-o', {str(target)!r}])\n"
            "print(code, sorted(m for m in ('pint', 'numpy', 'ccer_calc.methodology') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "0 []"
    assert json.loads(target.read_text(encoding="utf-8"))["title"].startswith(methodology_id)


@pytest.mark.parametrize("module", ["ccer_calc.fields", "ccer_calc.bounds", "ccer_calc.expected",
                                    "methodologies.ccer_01_002_v01.inputs",
                                    "methodologies.ccer_01_001_v01.inputs"])
def test_input_models_import_neither_pint_nor_numpy(module):
    """Quantity fields import pint when they validate, not when a model is defined (#9)."""
    code = (f"import sys, {module}\n"
            "print(sorted(m for m in ('pint', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_light_quantity_fields_still_validate_and_describe():
    from pydantic import ValidationError  # noqa: PLC0415

    from methodologies.ccer_01_002_v01.inputs import OffshoreWindInputs  # noqa: PLC0415

    field = OffshoreWindInputs.model_fields["installed_capacity"]
    schema = OffshoreWindInputs.model_json_schema()["properties"]["installed_capacity"]
    assert schema["anyOf"][0]["examples"] == ["1250 MWh"]  # the quantity's own JSON schema
    assert field.metadata[-1].unit == "MW"
    from pydantic import TypeAdapter  # noqa: PLC0415

    from ccer_calc.fields import quantity_field  # noqa: PLC0415

    q = TypeAdapter(quantity_field("MW")).validate_python("300000 kW")
    assert (float(q.magnitude), f"{q.units:~}") == (300.0, "MW")
    with pytest.raises(ValidationError, match="wrong dimension; expected a unit convertible "
                                              "to MW"):
        TypeAdapter(quantity_field("MW")).validate_python("3 t")


def test_prepare_engine_leaves_environment_and_dask_as_they_were(tmp_path):
    code = (
        "import os, sys\n"
        "from ccer_calc.cli.common import prepare_engine\n"
        "prepare_engine()\n"
        "import pint.compat\n"
        "print('CCER_CALC_CACHE_DIR' in os.environ, 'OPENBLAS_NUM_THREADS' in os.environ,"
        " sys.modules.get('dask', 'absent'), pint.compat.HAS_DASK)\n"
        "import importlib.util\n"
        "print(importlib.util.find_spec('dask') is not None)\n")
    env = {k: v for k, v in os.environ.items()
           if k not in ("CCER_CALC_CACHE_DIR", "OPENBLAS_NUM_THREADS")}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True)
    first, second = out.stdout.strip().splitlines()
    assert first == "False False absent False"
    assert second == str(importlib.util.find_spec("dask") is not None)
    assert list((tmp_path / "ccer-calc").glob("pint-*/*.pickle"))
