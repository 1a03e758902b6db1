"""`/api-keys/{key_id}`: rotate or revoke one API key of a service account (admins only)."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter
from pydantic import BaseModel, Field

from headwater.server.dependencies import StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import login_store
from headwater.server.keys import make_key
from headwater.server.routes.service_accounts import (
    MAX_KEY_DAYS,
    ApiKeyInfo,
    ApiKeyWithSecret,
    expiry,
)
from headwater.store.models import utc_now

# Admins only, reads included: see `route_permissions.py`.
router = APIRouter(tags=["service accounts"], responses=ERROR_RESPONSES)

# A grace period lets every job pick up the new key before the old one stops: a week at most.
MAX_GRACE_SECONDS = 7 * 24 * 3600


class ApiKeyRotate(BaseModel):
    """How to replace a key: how long the old one keeps working, how long the new lives
    (`expires_in_days` None: the new key expires when the old one would have)."""

    grace_seconds: int = Field(default=0, ge=0, le=MAX_GRACE_SECONDS)
    expires_in_days: int | None = Field(default=None, ge=1, le=MAX_KEY_DAYS)


@router.get("/api-keys/{key_id}", operation_id="get_api_key")
def get_api_key(key_id: uuid.UUID, state: StateDep) -> ApiKeyInfo:
    """Get an API key by id (never its secret)."""
    return ApiKeyInfo.of(login_store(state).get_api_key(key_id))


@router.post("/api-keys/{key_id}/rotate", operation_id="rotate_api_key")
def rotate_api_key(key_id: uuid.UUID, body: ApiKeyRotate, state: StateDep) -> ApiKeyWithSecret:
    """Replace a key by a new one of the same name; the raw new key is in this answer only.

    The old key stops working now, or after `grace_seconds`. The new key expires in
    `expires_in_days`, or when the old key would have.

    Raises:
        ApiError: 409 if the key is revoked, expired or already rotated (nothing is made).
    """
    new = make_key()
    saved = login_store(state).rotate_api_key(
        key_id,
        new_key_id=new.id,
        secret_hash=new.secret_hash,
        expires=expiry(body.expires_in_days),
        old_key_ends=utc_now() + dt.timedelta(seconds=body.grace_seconds),
    )
    return ApiKeyWithSecret(**ApiKeyInfo.of(saved).model_dump(), key=new.raw)


@router.post("/api-keys/{key_id}/revoke", operation_id="revoke_api_key")
def revoke_api_key(key_id: uuid.UUID, state: StateDep) -> ApiKeyInfo:
    """Make a key stop working now (it stays listed, as revoked)."""
    return ApiKeyInfo.of(login_store(state).revoke_api_key(key_id))
