"""The proposals page's elements drawn from constants: the yardstick of the proposals benchmarks.

Same widgets, table shape and charts (5 series of 61 months + a limit line) as
``app_pages/proposals.py`` for one debt, but nothing read from the store or computed by core
(see :mod:`benchmarks.constant_elements`). Every change reruns the whole page.
"""

from benchmarks import constant_elements as parts

parts.header()
parts.inputs()
parts.results()
parts.save_form()
parts.saved()
