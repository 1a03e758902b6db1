"""`/service-accounts`: users for programs, and the API keys they authenticate with.

Admins only, reads included: the list of keys says who can reach the server.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from fastapi import APIRouter, status
from pydantic import BaseModel, Field

from headwater.server.dependencies import StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import login_store
from headwater.server.keys import make_key
from headwater.store.logins import ApiKey, ServerRole, ServiceAccount
from headwater.store.models import utc_now

# Admins only, reads included: see `route_permissions.py`.
router = APIRouter(tags=["service accounts"], responses=ERROR_RESPONSES)

# Ten years: long enough for any key, short enough to stay a valid timestamp.
MAX_KEY_DAYS = 3650


class ServiceAccountCreate(BaseModel):
    """A service account to make: its name, server role and what it is for."""

    name: str = Field(min_length=1, max_length=255)
    role: ServerRole = ServerRole.MEMBER
    description: str | None = Field(default=None, max_length=2000)


class ServiceAccountInfo(BaseModel):
    """A service account; `deactivated` is set once it may no longer authenticate."""

    id: uuid.UUID
    name: str
    role: ServerRole
    description: str | None
    created: dt.datetime
    deactivated: dt.datetime | None

    @classmethod
    def of(cls, account: ServiceAccount) -> ServiceAccountInfo:
        """The API shape of a stored service account."""
        return cls(
            id=account.id,
            name=account.name,
            role=account.role,
            description=account.description,
            created=account.created,
            deactivated=account.deactivated,
        )


class ServiceAccountList(BaseModel):
    """Every service account, oldest first."""

    items: list[ServiceAccountInfo]


class ApiKeyStatus(enum.StrEnum):
    """Whether a key authenticates now."""

    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


class ApiKeyCreate(BaseModel):
    """A key to make: a name to tell it apart, and how many days it lives (None: no end)."""

    name: str = Field(default="default", min_length=1, max_length=255)
    expires_in_days: int | None = Field(default=None, ge=1, le=MAX_KEY_DAYS)


class ApiKeyInfo(BaseModel):
    """An API key without its secret: when it was made, last used, and when it ends."""

    id: uuid.UUID
    service_account_id: uuid.UUID
    name: str
    status: ApiKeyStatus
    created: dt.datetime
    expires: dt.datetime | None
    last_used: dt.datetime | None
    revoked: dt.datetime | None
    # When a new key replaced it; it cannot be rotated again.
    rotated: dt.datetime | None

    @classmethod
    def of(cls, key: ApiKey) -> ApiKeyInfo:
        """The API shape of a stored key, with its status as of now."""
        return cls(
            id=key.id,
            service_account_id=key.service_account_id,
            name=key.name,
            status=key_status(key, utc_now()),
            created=key.created,
            expires=key.expires,
            last_used=key.last_used,
            revoked=key.revoked,
            rotated=key.rotated,
        )


class ApiKeyWithSecret(ApiKeyInfo):
    """A new key, with the raw `key` to send as `Authorization: Bearer ...`.

    This is the only time the key is shown: the server keeps a hash of its secret.
    """

    key: str


class ApiKeyList(BaseModel):
    """The keys of one service account, oldest first, ended ones included."""

    items: list[ApiKeyInfo]


def key_status(key: ApiKey, now: dt.datetime) -> ApiKeyStatus:
    """Whether `key` authenticates at `now`."""
    if key.revoked is not None:
        return ApiKeyStatus.REVOKED
    if key.expires is not None and key.expires <= now:
        return ApiKeyStatus.EXPIRED
    return ApiKeyStatus.ACTIVE


def expiry(days: int | None) -> dt.datetime | None:
    """When a key made now for `days` days ends (None: never)."""
    return None if days is None else utc_now() + dt.timedelta(days=days)


@router.post(
    "/service-accounts", operation_id="create_service_account", status_code=status.HTTP_201_CREATED
)
def create_service_account(body: ServiceAccountCreate, state: StateDep) -> ServiceAccountInfo:
    """Create a service account: a user that authenticates only with API keys.

    Raises:
        ApiError: 409 if a user or service account of that name can already log in.
    """
    store = login_store(state)
    return ServiceAccountInfo.of(
        store.create_service_account(body.name, body.role, body.description)
    )


@router.get("/service-accounts", operation_id="list_service_accounts")
def list_service_accounts(state: StateDep) -> ServiceAccountList:
    """List every service account, deactivated ones included."""
    accounts = login_store(state).list_service_accounts()
    return ServiceAccountList(items=[ServiceAccountInfo.of(a) for a in accounts])


@router.get("/service-accounts/{account}", operation_id="get_service_account")
def get_service_account(account: str, state: StateDep) -> ServiceAccountInfo:
    """Get a service account by id or name."""
    return ServiceAccountInfo.of(login_store(state).get_service_account(account))


@router.post("/service-accounts/{account}/deactivate", operation_id="deactivate_service_account")
def deactivate_service_account(account: str, state: StateDep) -> ServiceAccountInfo:
    """Stop a service account from authenticating: all its keys stop working at once."""
    return ServiceAccountInfo.of(login_store(state).deactivate_service_account(account))


@router.post(
    "/service-accounts/{account}/api-keys",
    operation_id="create_api_key",
    status_code=status.HTTP_201_CREATED,
)
def create_api_key(account: str, body: ApiKeyCreate, state: StateDep) -> ApiKeyWithSecret:
    """Make an API key for a service account; the raw key is in this answer only."""
    store = login_store(state)
    owner = store.get_service_account(account)
    new = make_key()
    saved = store.create_api_key(
        owner.id,
        key_id=new.id,
        name=body.name,
        secret_hash=new.secret_hash,
        expires=expiry(body.expires_in_days),
    )
    return ApiKeyWithSecret(**ApiKeyInfo.of(saved).model_dump(), key=new.raw)


@router.get("/service-accounts/{account}/api-keys", operation_id="list_api_keys")
def list_api_keys(account: str, state: StateDep) -> ApiKeyList:
    """List a service account's keys (never their secrets), ended ones included."""
    store = login_store(state)
    owner = store.get_service_account(account)
    return ApiKeyList(items=[ApiKeyInfo.of(key) for key in store.list_api_keys(owner.id)])
