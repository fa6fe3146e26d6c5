"""Settings of the whole workspace (such as how long records are kept), one JSON value per key.

A setting never saved has no row: :meth:`WorkspaceSettingRepository.get` gives ``None`` and the
caller uses its default. Saving names the version that was shown (0 for a setting never
saved); a save over someone else's is refused with :class:`StaleRecordError`, as for records.
Settings are not in backups and a restore keeps them (``info={"backup": "kept"}``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson
import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from store._rows import _rowcount
from store.errors import InvalidDataError, StaleRecordError
from store.orm import WorkspaceSettingRow

if TYPE_CHECKING:
    from store.db import Store

__all__ = ["WorkspaceSetting", "WorkspaceSettingRepository"]

MAX_KEY_LENGTH = 100


@dataclass(frozen=True)
class WorkspaceSetting:
    key: str
    value: Any
    #: The saved version; name it when saving a change.
    version: int
    updated_at: datetime


def _key(key: object) -> str:
    if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH:
        raise InvalidDataError("key", f"expected a setting name of 1 to 100 characters: {key!r}")
    return key


class WorkspaceSettingRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str) -> WorkspaceSetting | None:
        """The saved setting, or None if it was never saved."""
        with self._store.read() as session:
            row = session.get(WorkspaceSettingRow, _key(key))
            if row is None:
                return None
            return WorkspaceSetting(row.key, row.value, row.version, row.updated_at)

    def put(self, key: str, value: Any, *, version: int) -> WorkspaceSetting:
        """Save ``value`` over the setting as it was at ``version`` (0: never saved).

        :class:`StaleRecordError` if it was saved meanwhile (nothing is written then).
        """
        key = _key(key)
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise InvalidDataError("version", f"expected the version shown, got {version!r}")
        try:
            orjson.dumps(value)
        except TypeError as exc:
            raise InvalidDataError(key, f"not JSON: {exc}") from None
        now = self._store.clock()
        with self._store.write() as session:
            current = session.scalar(
                sa.select(WorkspaceSettingRow.version).where(WorkspaceSettingRow.key == key)
            )
            if (current or 0) != version:
                raise StaleRecordError("setting", key, version, current or 0)
            if current is None:
                session.add(WorkspaceSettingRow(key=key, value=value, version=1, updated_at=now))
                try:
                    session.flush()
                except sa_exc.IntegrityError:  # another first save at the same moment
                    raise StaleRecordError("setting", key, version, 1) from None
            else:
                statement = (
                    sa.update(WorkspaceSettingRow)
                    .where(WorkspaceSettingRow.key == key, WorkspaceSettingRow.version == version)
                    .values(value=value, version=version + 1, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(session, statement) != 1:
                    raise StaleRecordError("setting", key, version, version + 1)
            return WorkspaceSetting(key, value, version + 1, now)
