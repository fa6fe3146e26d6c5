"""Named errors raised by the engine.

Every error is a ``ValueError`` and carries the name of the field at fault and a short,
stable ``code`` so that the UI can translate it, with the ``params`` its text needs (a limit,
say); the message itself is English and meant for developers and logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class CoreError(ValueError):
    """Base of every error the engine raises on bad input or an impossible request."""

    code = "invalid"

    def __init__(
        self,
        field: str,
        message: str,
        *,
        code: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.params: dict[str, Any] = dict(params or {})
        if code is not None:
            self.code = code


class InvalidAmountError(CoreError):
    code = "invalid_amount"


class InvalidRateError(CoreError):
    code = "invalid_rate"


class InvalidTermError(CoreError):
    code = "invalid_term"


class NoRateError(CoreError):
    """No interest rate makes the cash flows' present value zero."""

    code = "no_rate"


class NotAnInterestRateError(CoreError):
    """A monthly fee rate was given where an interest rate is needed."""

    code = "fee_rate_not_interest"


class BudgetTooLowError(CoreError):
    """A monthly budget that does not even cover the interest and fees: the debts never fall."""

    code = "budget_too_low"


class NotADecimalError(CoreError, TypeError):
    """A ``float`` (or anything but a ``Decimal``) where money or a rate is shown or computed."""

    code = "not_a_decimal"
