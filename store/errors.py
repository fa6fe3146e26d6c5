"""Named errors of the store, each with a stable ``code`` the UI translates.

A page catches :class:`StoreError` and shows ``t(f"store.{error.code}")``; the message is English,
for developers and logs, and never contains SQL, a stack trace or a password.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store raises."""

    code = "store_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotFoundError(StoreError):
    """The record asked for does not exist (or no longer does)."""

    code = "not_found"

    def __init__(self, entity: str, record_id: object) -> None:
        super().__init__(f"{entity} {record_id} does not exist")
        self.entity = entity
        self.record_id = record_id


class StaleRecordError(StoreError):
    """Someone saved this record since it was read: saving would overwrite their change."""

    code = "stale_record"

    def __init__(self, entity: str, record_id: object, expected: int, actual: int) -> None:
        super().__init__(
            f"{entity} {record_id} was changed by someone else (version {actual}, this copy is"
            f" version {expected}); reload it and apply the change again"
        )
        self.entity = entity
        self.record_id = record_id
        self.expected = expected
        self.actual = actual


class InvalidDataError(StoreError):
    """The data cannot be stored (or a stored record cannot be read back) as it is."""

    code = "invalid_data"

    def __init__(self, field: str, message: str, *, code: str | None = None) -> None:
        super().__init__(f"{field}: {message}", code=code)
        self.field = field


class DatabaseUnavailableError(StoreError):
    """The database cannot be reached or opened."""

    code = "database_unavailable"


class InvalidDatabaseUrlError(DatabaseUnavailableError):
    code = "database_url_invalid"


class DatabaseLockedError(DatabaseUnavailableError):
    """Another writer held the database longer than the busy timeout."""

    code = "database_locked"


class DatabaseReadOnlyError(DatabaseUnavailableError):
    code = "database_read_only"


class DatabaseFullError(DatabaseUnavailableError):
    code = "database_full"


class SchemaError(StoreError):
    """The database's schema cannot be brought to the version this program needs."""

    code = "schema_error"


class SchemaTooNewError(SchemaError):
    """The database was written by a newer version of the program."""

    code = "schema_too_new"
