"""User templates render in Jinja's sandbox with a time and a size limit; the environment is
built once per language and template folders, and callers cannot change the shared one."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from ccer_calc.api import compute, get_methodology, load_project
from ccer_calc.documents import DOCUMENTS, render_document, sandbox
from ccer_calc.documents import render as render_module
from ccer_calc.documents.render import environment
from ccer_calc.errors import TemplateError


@pytest.fixture(scope="module")
def ow() -> tuple[Any, Any, Any]:
    import methodologies.ccer_01_002_v01 as pkg  # noqa: PLC0415 - the bundled example

    project = load_project(Path(pkg.__file__).parent / "data" / "example.toml")
    return project, compute(project), get_methodology(project.methodology_id)


def _user(tmp_path: Path, body: str, name: str = "pdd.html.j2") -> Path:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(body, "utf-8")
    return folder


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "{{ joiner.__init__.__globals__['os'].system('touch MARKER') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('touch MARKER')"
    ".read() }}",
    "{{ namespace.__init__.__globals__.__builtins__.__import__('os').system('touch MARKER') }}",
    "{% for c in ''.__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
])
def test_template_cannot_run_commands(ow: tuple[Any, Any, Any], tmp_path: Path,
                                      payload: str) -> None:
    project, result, m = ow
    marker = tmp_path / "pwned"
    folder = _user(tmp_path, payload.replace("MARKER", str(marker)))
    with pytest.raises(TemplateError, match="unsafe|undefined|no attribute"):
        render_document(project, result, m, document="pdd", template_dirs=[folder])
    assert not marker.exists()


def test_a_template_that_spins_is_stopped(ow: tuple[Any, Any, Any], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    project, result, m = ow
    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 0.3)
    spins = [
        "{% set r = range(99999) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}",
        "{% set s = fingerprint %}" + "{% for a in s %}" * 6 + "{% endfor %}" * 6,
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    ]
    for body in spins:
        folder = _user(tmp_path, body)
        start = time.monotonic()
        with pytest.raises(TemplateError, match="time limit|recursion"):
            render_document(project, result, m, document="pdd", template_dirs=[folder])
        assert time.monotonic() - start < 5


@pytest.mark.parametrize("body", [
    "{% for i in range(100000) %}{{ 'y' * 1000 }}{% endfor %}",
    "{{ 'x' * 10**9 }}",
    "{{ [0] * 10**9 }}",
    "{{ 10 ** 100000000 }}",
    "{{ 'x'|center(10**9) }}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
])
def test_output_and_values_are_bounded(ow: tuple[Any, Any, Any], tmp_path: Path,
                                       body: str) -> None:
    project, result, m = ow
    folder = _user(tmp_path, body)
    start = time.monotonic()
    with pytest.raises(TemplateError, match="size limit"):
        render_document(project, result, m, document="pdd", template_dirs=[folder])
    assert time.monotonic() - start < 5


# Issue #14 audit, item 2: Jinja folded constant expressions while compiling, outside every
# limit (17 s and 354 MB, ~1e9 characters, 546 MB); each is now refused before it is built.
@pytest.mark.parametrize(("body", "what"), [
    ('{{ ("a b"|center(3000000)|replace(" ","a b "))|wordwrap(2) }}', r"wordwrap input"),
    ('{{ ("%0999999999d")|format(1) }}', r"format result"),
    ('{{ "%099999999d" % 1 }}', r"% formatting"),
    ('{{ "{:>999999999}".format(1) }}', r"str\.format"),
    ('{{ "%.*f" % (999999999, 1.0) }}', r"% formatting"),
    ('{% autoescape ("%0999999999d")|format(1) %}x{% endautoescape %}', r"format result"),
    ('{{ ("a" * 10000)|replace("", "x" * 10000) }}', r"replace result"),
    ('{{ ("x\n" * 1000000)|indent(100) }}', r"indent result"),
    ('{{ "x"|truncate(10, end="e" * 40000000) }}', r"size limit"),
])
def test_constant_expressions_are_bounded_before_they_are_built(
        ow: tuple[Any, Any, Any], tmp_path: Path, body: str, what: str) -> None:
    project, result, m = ow
    folder = _user(tmp_path, body)
    start = time.monotonic()
    with pytest.raises(TemplateError, match=rf"template exceeded its size limit \({what}"
                       if "size" not in what else what):
        render_document(project, result, m, document="pdd", template_dirs=[folder])
    assert time.monotonic() - start < 2


def test_ordinary_string_operations_still_work(ow: tuple[Any, Any, Any],
                                               tmp_path: Path) -> None:
    project, result, m = ow
    body = "|".join(['{{ "%5.2f"|format(3.14159) }}', '{{ "%03d" % 7 }}',
                     '{{ "{:>4}".format(1) }}', '{{ "a-b"|replace("-", "+") }}',
                     '{{ "x"|center(5) }}', '{{ "one two three"|wordwrap(7) }}',
                     '{{ "abcdef"|truncate(5, true, "~", 0) }}'])
    folder = _user(tmp_path, body)
    text = render_document(project, result, m, document="pdd", template_dirs=[folder])
    assert text == " 3.14|007|   1|a+b|  x  |one two\nthree|abcd~"


def test_user_templates_compile_without_the_optimizer(tmp_path: Path) -> None:
    env = environment("en", (_user(tmp_path, "x"),))
    assert isinstance(env, sandbox.LimitedSandbox)
    assert env.optimized is False


def test_limits_are_stated() -> None:
    assert sandbox.TIME_LIMIT_S == 10.0
    assert sandbox.OUTPUT_LIMIT_CHARS == 32 * 1024 * 1024


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_packaged_templates_render_the_same_in_the_sandbox(ow: tuple[Any, Any, Any],
                                                           tmp_path: Path, lang: str,
                                                           fmt: str) -> None:
    project, result, m = ow
    empty = tmp_path / "empty"
    empty.mkdir()
    for document in DOCUMENTS:
        plain = render_document(project, result, m, document=document, lang=lang, fmt=fmt)
        boxed = render_document(project, result, m, document=document, lang=lang, fmt=fmt,
                                template_dirs=[empty])
        assert boxed == plain


def test_environment_is_built_once_per_language_and_folders(ow: tuple[Any, Any, Any],
                                                            tmp_path: Path) -> None:
    project, result, m = ow
    render_document(project, result, m, document="pdd", lang="en")
    before = render_module._shared.cache_info()
    for document in DOCUMENTS:
        render_document(project, result, m, document=document, lang="en", fmt="md")
    after = render_module._shared.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + len(DOCUMENTS)
    folder = _user(tmp_path, "{{ t('pdd.title') }}")
    assert render_document(project, result, m, document="pdd", template_dirs=[folder],
                           lang="en") == "Project design document"
    assert render_module._shared.cache_info().misses == after.misses + 1


def test_the_public_environment_is_a_fresh_copy(ow: tuple[Any, Any, Any]) -> None:
    project, result, m = ow
    expected = render_document(project, result, m, document="pdd", fmt="md")
    env = environment("zh")
    assert env is not environment("zh")
    env.globals["t"] = lambda *a, **k: "HACKED"
    env.filters["tco2"] = lambda v: "HACKED"
    assert render_document(project, result, m, document="pdd", fmt="md") == expected
    assert env.get_template("pdd.md.j2").render(
        build_ctx(project, result, m)).count("HACKED") > 10


def build_ctx(project: Any, result: Any, m: Any) -> dict[str, Any]:
    from ccer_calc.documents import build_context  # noqa: PLC0415

    return build_context(project, result, m, document="pdd")


def test_cli_refuses_a_hostile_template_and_writes_nothing(
        ow: tuple[Any, Any, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io  # noqa: PLC0415 - only here

    from ccer_calc.cli import EXIT_ERROR, main  # noqa: PLC0415

    project = ow[0]
    marker = tmp_path / "pwned"
    payload = "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}"
    folder = _user(tmp_path, payload.replace("MARKER", str(marker)))
    out = tmp_path / "pdd.html"
    code = main(["report", str(project.source), "--document", "pdd", "--templates",
                 str(folder), "-o", str(out)], out=io.StringIO())
    assert code == EXIT_ERROR
    assert "unsafe" in capsys.readouterr().err
    assert not out.exists()
    assert not marker.exists()
