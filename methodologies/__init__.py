"""Built-in methodology plug-ins of ccer-calc, one package per methodology version.

This package imports nothing: each plug-in is found through the entry-point group
``ccer_calc.methodologies``, exactly as a third-party plug-in would be.
"""
