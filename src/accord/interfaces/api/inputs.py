"""How the API reports a value it cannot use.

Values are read by :mod:`accord.interfaces.inputs`, the same functions as the
CLI's and the pages'.  Status codes follow one rule: 404 when the id in the URL
path names a resource that does not exist (``/api/treaties/{id}``,
``/api/documents/{id}``); 422 for any other value, including treaty ids given
as filters or to compare (an :class:`InputError` raised in a route becomes a
422 in :mod:`.errors`).
"""

from __future__ import annotations

from accord.interfaces import inputs
from accord.interfaces.api.errors import ApiError
from accord.interfaces.inputs import InputError
from accord.knowledge.catalog import Catalog
from accord.knowledge.model import Treaty


def rejected(exc: InputError, status: int = 422) -> ApiError:
    return ApiError(status, exc.message, suggestion=exc.suggestion, known=exc.known)


def path_treaty(catalog: Catalog, treaty_id: str) -> Treaty:
    """The treaty named in the URL path; 404 naming the nearest id otherwise."""
    try:
        return inputs.treaty(catalog, treaty_id)
    except InputError as exc:
        raise rejected(exc, 404) from None
