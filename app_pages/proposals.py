"""The Proposals page (its code: :mod:`ui.proposals_page`)."""

from ui.proposals_page import main

main()
