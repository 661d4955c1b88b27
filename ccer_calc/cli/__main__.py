"""``python -m ccer_calc.cli``: the same as the ``ccer-calc`` command."""

from ccer_calc.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
