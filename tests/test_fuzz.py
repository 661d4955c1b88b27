"""Fuzz: every bundled example's project file and monitoring data, mutated as a careless or
hostile user would, through the library and through the CLI (issue #14, "Done when").

Each case copies one bundled project file with its whole folder (monitoring CSV and workbook,
the species, strata, plot and tree files of a forest-sink project) into a fresh folder and
applies a few mutations to the project file or to any of the folder's CSV files: a value
replaced by a hostile one (negative, huge, a truth value, a number as a date, a unit of the
wrong magnitude, control characters, paths out of the folder), a number negated, lines or CSV
rows and columns dropped, repeated or swapped, header units changed, bytes flipped, inserted or
cut, and the files re-encoded (GB18030, UTF-16 with and without a byte-order mark, UTF-8 with
one), with or without a declared encoding.

Every project file of the bundled folders is drawn from, the ex-ante ones
(``example_ex_ante.toml``...) through ``estimate`` (library) and ``ccer-calc estimate`` (CLI).
Each unmutated copy must give the bundled result, so a copy that lacks a file cannot make every
case "refused" and test nothing.

Asserted for every case:

* the library raises nothing but :class:`~ccer_calc.errors.CcerError` (pytest turns warnings
  into errors, so a numpy warning fails too);
* a result has no NaN or infinity (its JSON is written with ``allow_nan=False``), issuable tonnes
  never exceed the net reductions, and no vintage issues more than its own reductions;
* when the only mutations are negated numbers, the reductions never rise;
* the CLI exits 0 or 2 (``verify`` also 1), writes exactly one line to stderr on an error and
  nothing otherwise, and leaves either the whole output file or none, never a temporary file.

A third test replaces or deletes one value anywhere in the parsed project data with any
JSON-like value (deep lists and tables, huge integers, NaN, text) and passes it to
``project_from_dict``, the way a registry embedding the library would.

``CCER_FUZZ_EXAMPLES`` sets the number of library cases (CLI cases are a tenth of it, plain
data cases a quarter);
``CCER_FUZZ_SEED`` the seed (fixed by default, so CI runs the same cases); with
``CCER_FUZZ_REPORT=<file>`` the outcome counts are written to that file. The longer run of the
README::

    CCER_FUZZ_EXAMPLES=22500 CCER_FUZZ_SEED=30 CCER_FUZZ_REPORT=fuzz.json \\
        python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import collections
import contextlib
import io
import json
import math
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from ccer_calc.api import compute, get_methodology, list_methodologies, load_project
from ccer_calc.cli import main
from ccer_calc.errors import CcerError

CASES = int(os.environ.get("CCER_FUZZ_EXAMPLES", "2000"))
SEED = int(os.environ.get("CCER_FUZZ_SEED", "14"))
COUNTS: collections.Counter[str] = collections.Counter()


@dataclass(frozen=True)
class Example:
    """One bundled project file, the whole folder it sits in, and its unmutated result."""

    mid: str
    project: str
    files: tuple[tuple[str, bytes], ...]
    mode: str  # "compute", or "estimate" for an ex-ante project file
    er: float
    claimed: str

    @property
    def toml(self) -> str:
        return dict(self.files)[self.project].decode("utf-8")

    @property
    def csvs(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.files if name.endswith(".csv"))

    def __repr__(self) -> str:
        return f"Example({self.mid}, {self.project})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis' printer
        printer.text(repr(self))


def _run(mode: str, path: Path, **kwargs: Any) -> Any:
    """Compute a project, or estimate an ex-ante one, through the library."""
    from ccer_calc.estimation import estimate  # noqa: PLC0415

    project = load_project(path, **kwargs)
    return compute(project) if mode == "compute" else estimate(project).result


def _is_project(path: Path) -> bool:
    import tomllib  # noqa: PLC0415

    return "methodology" in tomllib.loads(path.read_text("utf-8"))


def _examples() -> list[Example]:
    """Every project file of every bundled example folder (ex-ante ones through ``estimate``),
    with every file of the folder: species, strata, plots, monitoring CSV, workbook."""
    out = []
    for item in list_methodologies():
        if item.get("status") == "broken":
            continue
        m = get_methodology(item["id"])
        folder = Path(__import__(type(m).__module__.rpartition(".")[0],
                                 fromlist=["_"]).__file__).parent / Path(m.example).parent
        files = tuple((p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file())
        for path in sorted(folder.glob("*.toml")):
            if not _is_project(path):  # an engagement file, not a project
                continue
            mode = "estimate" if "ex_ante" in path.stem else "compute"
            result = _run(mode, path)
            out.append(Example(m.id, path.name, files, mode,
                               result.totals["emission_reductions"], result.to_json()))
    return out


EXAMPLES = _examples()

#: Values a careless or hostile user might put where a TOML value is.
HOSTILE_TOML = [
    '"-1 MWh"', '"-0.5 t CO2/MWh"', '"1e400 MW"', '"0 MW"', '"1e308 MW"', '"-35 km"',
    '"0.8 t CO2/kJ"', '"800 t CO2/MWh"', '"nan MW"', '"inf km"', '"1 MW MW"', '"1 ((("',
    '"5"', '"5 kg"', '"100 %"', '"-43 GJ/t"', '"0 GJ/t"', '"101 %"', '"15 t C/GJ"',
    "true", "false", "0", "-1", "1e308", "20240101", "1704067200", "2024-01-01T00:00:00",
    '"2024-02-30"', '"20240101"', "2099-01-01", "1970-01-01", "2012-01-01", '""', '"x"',
    '"\\u0007"', '"a\\u0000b"', '"\\ud800"', '"tab\\there"', "[]", "{}", "[[[[[[[[1]]]]]]]]",
    "{value = true, unit = \"MW\"}", "{value = -3, unit = \"km\"}",
    "{value = 1e400, unit = \"MW\"}", "{value = 1, unit = 5}", '"../x.csv"', '"/etc/passwd"',
    '"/dev/zero"', '"' + "x" * 5000 + '"', '"华北"', '"南方"', '"hydro"', '"wind"',
    '"capacity_addition"', '"gbk"', '"utf-16"', '"rot13"', '"no-codec"', "1" * 500,
]
#: Values for a CSV cell.
HOSTILE_CELLS = [
    "-1", "0", "1e308", "1e400", "-1e308", "nan", "inf", "", " ", "x", "1,5", "100", "-100",
    "99.9", "ok", "uncalibrated", "out_of_tolerance", "broken", "2024-02-30", "20240101",
    "2024-01-01T00:00", "2023-12-31", "2026-01-01", "1" * 400, "\x07", "TRUE", "1e-320",
]
HEADER_UNITS = ["kWh", "GWh", "t", "%", "", "MWh/h", "kJ", "万Nm3", "kg", "bogus", "MWh"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]


@dataclass(frozen=True)
class Case:
    """A drawn case: which example, what was done to it, and how it is encoded."""

    example: Example
    files: tuple[tuple[str, bytes], ...]
    negations_only: bool
    ops: tuple[str, ...]

    def __repr__(self) -> str:  # short: hypothesis prints it for a failing case
        toml = dict(self.files)[self.example.project]
        return f"Case({self.example!r}, ops={list(self.ops)}, toml={toml[:60]!r}...)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis' printer
        printer.text(repr(self))


def _negate(text: str, index: int) -> str | None:
    """Negate the index-th number that starts a quantity (``"12.5 MWh"`` or a CSV cell)."""
    import re  # noqa: PLC0415

    spots = [m for m in re.finditer(r'(?<=["=,])\s?(\d+(?:\.\d+)?)(?=[ ,\n"])', text)]
    if not spots:
        return None
    m = spots[index % len(spots)]
    return text[:m.start(1)] + "-" + text[m.start(1):]


@dataclass(frozen=True)
class Op:
    """One drawn mutation, applied by :func:`_apply` (drawn apart from the text, so that
    hypothesis never has to print a whole file)."""

    kind: str
    name: str
    file: int
    i: int
    j: int
    flag: bool
    toml_value: str
    cell: str
    unit: str


TEXT_OPS = {"toml": ["value", "negate", "delete", "duplicate", "swap"],
            "csv": ["value", "negate", "delete", "duplicate", "swap", "column", "header"]}


@st.composite
def _op(draw: st.DrawFn) -> Op:
    kind = draw(st.sampled_from(["toml", "csv"]))
    return Op(kind, draw(st.sampled_from(TEXT_OPS[kind])), draw(st.integers(0, 63)),
              draw(st.integers(0, 10**6)),
              draw(st.integers(0, 10**6)), draw(st.booleans()),
              draw(st.sampled_from(HOSTILE_TOML)), draw(st.sampled_from(HOSTILE_CELLS)),
              draw(st.sampled_from(HEADER_UNITS)))


def _apply(text: str, op: Op) -> tuple[str, bool]:
    """Apply one mutation; returns the text and whether a number was negated."""
    if op.name == "negate":
        out = _negate(text, op.i)
        return (text, False) if out is None else (out, True)
    lines = text.split("\n")
    n = len(lines)
    i = op.i % n
    if op.name == "delete" and n > 1:
        del lines[i]
    elif op.name == "duplicate":
        lines.insert(i, lines[i])
    elif op.name == "swap":
        j = op.j % n
        lines[i], lines[j] = lines[j], lines[i]
    elif op.name == "value" and op.kind == "toml" and " = " in lines[i]:
        lines[i] = f"{lines[i].split(' = ', 1)[0]} = {op.toml_value}"
    elif op.name == "value" and op.kind == "csv" and i > 0:
        cells = lines[i].split(",")
        cells[op.j % len(cells)] = op.cell
        lines[i] = ",".join(cells)
    elif op.name == "column":
        rows = [ln.split(",") for ln in lines]
        for cells in rows:
            if cells != [""]:
                k = op.j % len(cells)
                if op.flag:
                    cells.insert(k, cells[k])
                else:
                    cells.pop(k)
        lines = [",".join(c) for c in rows]
    elif op.name == "header":
        cells = lines[0].split(",")
        k = op.j % len(cells)
        name = cells[k].split("[")[0].strip()
        cells[k] = f"{name} [{op.unit}]" if op.unit else name
        lines[0] = ",".join(cells)
    return "\n".join(lines), False


def _mutate_bytes(data: bytes, name: str, i: int, extra: bytes) -> bytes:
    """Flip, insert or cut bytes at ``i``."""
    if not data:
        return extra
    i %= len(data)
    if name == "flip":
        return data[:i] + extra[:1] + data[i + 1:]
    if name == "insert":
        return data[:i] + extra + data[i:]
    return data[:i] + data[i + len(extra) * 8:]


@st.composite
def cases(draw: st.DrawFn, examples: list[Example] | None = None) -> Case:
    """An example with 0-3 mutations of its project file or any of its CSV files, an encoding
    per mutated file, maybe a declared encoding and maybe a byte mutation."""
    ex = draw(st.sampled_from(examples or EXAMPLES))
    texts = {ex.project: ex.toml}
    ops: list[str] = []
    negated, other = False, False  # re-encoding and declaring an encoding change no number
    for op in draw(st.lists(_op(), max_size=3)):
        name = ex.project if op.kind == "toml" or not ex.csvs else \
            ex.csvs[op.file % len(ex.csvs)]
        kind_op = op if name.endswith(".csv") else replace(op, kind="toml")
        if kind_op.name not in TEXT_OPS[kind_op.kind]:
            kind_op = replace(kind_op, name="value")
        texts[name], did = _apply(texts.get(name, _text(ex, name)), kind_op)
        ops.append(f"{name}:{kind_op.name}")
        negated = negated or did
        other = other or kind_op.name != "negate"
    if draw(st.integers(0, 9)) == 0:  # declare the monitoring CSV's encoding (right or wrong)
        declared = draw(st.sampled_from(["utf-8", "gb18030", "utf-16", "gbk", "ascii",
                                         "latin-1"]))
        texts[ex.project] = texts[ex.project].replace(
            "[monitoring]\n", f'[monitoring]\nencoding = "{declared}"\n', 1)
        ops.append(f"declare:{declared}")
    data = dict(ex.files)
    for name, text in texts.items():
        encoding = draw(st.sampled_from(ENCODINGS))
        try:
            data[name] = text.encode(encoding)
        except UnicodeEncodeError:  # a control character or surrogate the codec refuses
            data[name] = text.encode("utf-8", "surrogatepass")
        if encoding != "utf-8":
            ops.append(f"{name}:{encoding}")
    if draw(st.integers(0, 4)) == 0:
        target = draw(st.sampled_from([ex.project, *ex.csvs]))
        how = draw(st.sampled_from(["flip", "insert", "cut"]))
        data[target] = _mutate_bytes(data[target], how, draw(st.integers(0, 10**6)),
                                     draw(st.binary(min_size=1, max_size=8)))
        ops.append(f"{target}:bytes-{how}")
        other = True
    return Case(ex, tuple(data.items()), negated and not other, tuple(ops))


def _text(ex: Example, name: str) -> str:
    return dict(ex.files)[name].decode("utf-8")


@contextlib.contextmanager
def _folder(case: Case) -> Iterator[Path]:
    """The whole example folder, mutated, in a fresh directory; yields the project file."""
    with tempfile.TemporaryDirectory(prefix="ccer-fuzz-") as tmp:
        folder = Path(tmp)
        for name, data in case.files:
            (folder / name).write_bytes(data)
        yield folder / case.example.project


def _check_result(result: Any, case: Case) -> None:
    text = result.to_json()  # allow_nan=False: a NaN or an infinity raises here
    data = json.loads(text)
    total = result.totals["emission_reductions"]
    assert math.isfinite(total)
    assert result.issuable_total <= max(0.0, total) + 1e-6
    assert data["totals"]["issuable"]["value"] == result.issuable_total
    for v in result.vintages:
        assert 0 <= v.issuable <= max(0.0, v.values["emission_reductions"]) + 1e-6
    if case.negations_only:  # a negative input never raises ER
        assert total <= case.example.er * (1 + 1e-9) + 1e-6, case.ops
        COUNTS["negated input computed (ER not raised)"] += 1


SETTINGS = settings(max_examples=CASES, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


@seed(SEED)
@SETTINGS
@given(case=cases())
def test_library_raises_only_ccer_errors(case: Case) -> None:
    mode = case.example.mode
    with _folder(case) as path:
        try:
            result = _run(mode, path)
        except CcerError as exc:
            COUNTS[f"library {mode} refused: {type(exc).__name__}"] += 1
            if case.negations_only:
                COUNTS["negated input refused"] += 1
            return
        _check_result(result, case)
        COUNTS[f"library {mode}: result"] += 1


@pytest.mark.parametrize("ex", EXAMPLES, ids=repr)
def test_every_unmutated_example_computes_in_its_copied_folder(ex: Example) -> None:
    """A copy that lacks a file the project names would count every case as "refused" and
    test nothing (the forest-sink examples did): each copy must give the bundled result."""
    case = Case(ex, ex.files, False, ())
    with _folder(case) as path:
        result = _run(ex.mode, path)
    assert result.totals["emission_reductions"] == pytest.approx(ex.er, rel=1e-12)
    _check_result(result, case)


def test_every_bundled_project_file_is_fuzzed() -> None:
    names = {(ex.mid, ex.project) for ex in EXAMPLES}
    assert len(names) >= 17
    assert {ex.mode for ex in EXAMPLES} == {"compute", "estimate"}
    assert any(len(ex.csvs) > 3 for ex in EXAMPLES)  # the forest-sink folders
    assert any(name.endswith(".xlsx") for ex in EXAMPLES for name, _ in ex.files)


#: Any JSON-like value, as a caller of ``project_from_dict`` might pass.
PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(10**300, 10**310)
    | st.floats() | st.text(max_size=20) | st.sampled_from(HOSTILE_CELLS),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path of nested dicts and lists."""
    out = [prefix] if prefix else []
    items = node.items() if isinstance(node, dict) else (
        enumerate(node) if isinstance(node, list) else ())
    for key, value in items:
        out += _paths(value, (*prefix, key))
    return out


@seed(SEED)
@settings(SETTINGS, max_examples=max(1, CASES // 4))
@given(ex=st.sampled_from(EXAMPLES), data=st.data())
def test_library_on_plain_data_raises_only_ccer_errors(ex: Example, data: Any) -> None:
    import tomllib  # noqa: PLC0415

    from ccer_calc.api import project_from_dict  # noqa: PLC0415

    project = tomllib.loads(ex.toml)
    path = data.draw(st.sampled_from(_paths(project)), label="path")
    node = project
    for key in path[:-1]:
        node = node[key]
    if data.draw(st.booleans(), label="delete") and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = data.draw(PLAIN, label="value")
    from ccer_calc.estimation import estimate  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="ccer-fuzz-") as tmp:
        for name, content in ex.files:
            (Path(tmp) / name).write_bytes(content)
        try:
            built = project_from_dict(project, base_dir=Path(tmp))
            result = compute(built) if ex.mode == "compute" else estimate(built).result
        except CcerError as exc:
            COUNTS[f"plain data {ex.mode} refused: {type(exc).__name__}"] += 1
            return
    _check_result(result, Case(ex, ex.files, False, ()))
    COUNTS[f"plain data {ex.mode}: result"] += 1


def _no_stray_files(folder: Path, expected: set[str]) -> None:
    assert {p.name for p in folder.iterdir()} <= expected


@seed(SEED)
@settings(SETTINGS, max_examples=max(1, CASES // 10))
@given(case=cases(), command=st.sampled_from(["compute", "verify", "report"]))
def test_cli_exit_codes_one_line_and_whole_files(case: Case, command: str) -> None:
    if case.example.mode == "estimate":
        command = "estimate"
    with _folder(case) as path:
        folder = path.parent
        out = folder / ("out.html" if command == "report" else "out.json")
        argv = [command, str(path), "-o", str(out)]
        if command in ("compute", "estimate"):
            argv.append("--json")
        if command in ("verify", "report"):
            claimed = folder / "claimed.json"
            claimed.write_text(case.example.claimed, "utf-8")
            argv += ["--claimed", str(claimed)]
        if command == "report":
            argv += ["--document", "verification", "--format", "html"]
        if command == "verify":
            argv.append("--json")
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(argv, out=io.StringIO())
        COUNTS[f"cli {command} exit {code}"] += 1
        allowed = {0, 1, 2} if command == "verify" else {0, 2}
        assert code in allowed, err.getvalue()
        stderr = err.getvalue()
        if code == 2:
            assert stderr.count("\n") == 1 and stderr.startswith("ccer-calc: error:"), stderr
            assert not out.exists()
        else:
            assert stderr == ""
            body = out.read_text("utf-8")
            if out.suffix == ".json":
                json.loads(body, parse_constant=_no_constant)
            else:
                assert body.rstrip().endswith("</html>")
        _no_stray_files(folder, {name for name, _ in case.files} | {"claimed.json", out.name})


def _no_constant(name: str) -> None:
    msg = f"{name} in JSON output"
    raise AssertionError(msg)


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    """Write the outcome counts where ``CCER_FUZZ_REPORT`` says (the README's long run)."""
    yield
    target = os.environ.get("CCER_FUZZ_REPORT")
    if target:
        Path(target).write_text(json.dumps({"cases": CASES, "seed": SEED,
                                            "counts": dict(sorted(COUNTS.items()))},
                                           indent=2) + "\n", "utf-8")
