"""The Lender history page (its code: :mod:`ui.lender_history_widgets`)."""

from ui.lender_history_widgets import main

main()
