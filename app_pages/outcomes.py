"""The Outcomes page, 工作成效 (its code: :mod:`ui.outcomes_widgets`)."""

from ui.outcomes_widgets import main

main()
