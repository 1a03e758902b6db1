"""One error body for every failure: `{"code", "message", "details"}`, never a bare 500.

Our exceptions map to 4xx codes by type; FastAPI's validation errors and Starlette's HTTP
errors are reshaped into the same body. Anything else is a bug: it is logged and answered
with a 500 in the same shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from headwater.errors import (
    ApiError,
    ApprovalError,
    ArtifactError,
    ComparisonError,
    EntityExistsError,
    EntityInUseError,
    EntityNotFoundError,
    FilterError,
    HeadwaterError,
    InvalidValueError,
    MetadataError,
    NotAuthenticatedError,
    PermissionDeniedError,
    StackValidationError,
    StageConflictError,
    StatusTransitionError,
    StoreError,
)
from headwater.store.error_codes import error_code

logger = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    """What every failed request answers: a stable code, a readable message, details."""

    code: str
    message: str
    # Extra facts about the failure, such as the list of invalid fields; often null.
    details: Any = None


# Most specific first: the first matching type decides the status.
_STATUS_BY_ERROR: tuple[tuple[type[HeadwaterError], int], ...] = (
    (EntityNotFoundError, 404),
    (EntityExistsError, 409),
    (EntityInUseError, 409),
    (FilterError, 400),
    (ComparisonError, 400),
    (MetadataError, 400),
    (InvalidValueError, 400),
    (StackValidationError, 400),
    (StageConflictError, 409),
    (ApprovalError, 409),
    (StatusTransitionError, 409),
    (ArtifactError, 404),
    (NotAuthenticatedError, 401),
    (PermissionDeniedError, 403),
    (StoreError, 503),
)
_CODE_BY_HTTP_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "request_too_large",
    415: "unsupported_media_type",
}

# Declared on every route so the OpenAPI schema describes the error answers too.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "The request is malformed, e.g. a bad filter or sort key."),
        (401, "No valid credentials were sent."),
        (403, "The user may not do this."),
        (404, "No such entity."),
        (409, "The entity conflicts with an existing one."),
        (413, "The request body is too large."),
        (422, "The request does not match the schema."),
    )
}


def error_response(status_code: int, code: str, message: str, details: Any = None) -> JSONResponse:
    """A JSON answer in the one error shape."""
    body = ErrorBody(code=code, message=message, details=details)
    return JSONResponse(body.model_dump(mode="json"), status_code=status_code)


def install_error_handlers(app: FastAPI) -> None:
    """Make every failure of `app` answer with an `ErrorBody`."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HeadwaterError, _headwater_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status_code, exc.code, str(exc), exc.details)


async def _headwater_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HeadwaterError)
    code = error_code(type(exc))
    for error_type, status_code in _STATUS_BY_ERROR:
        if isinstance(exc, error_type):
            if status_code >= 500:
                logger.error("%s %s failed: %s", request.method, request.url.path, exc)
            return error_response(status_code, code, str(exc))
    return error_response(400, code, str(exc))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {
            "location": [str(part) for part in error.get("loc", ())],
            "message": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors()
    ]
    summary = "; ".join(f"{'.'.join(p['location'])}: {p['message']}" for p in problems)
    return error_response(
        422,
        "validation_error",
        f"The request does not match the API schema: {summary}. See /api/v1/docs.",
        problems,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODE_BY_HTTP_STATUS.get(exc.status_code, "http_error")
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"No API route at '{request.url.path}'. The routes are listed at /api/v1/docs."
    response = error_response(exc.status_code, code, message)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("%s %s failed unexpectedly", request.method, request.url.path)
    return error_response(
        500,
        "internal_error",
        f"The server failed on {request.method} {request.url.path}: {type(exc).__name__}. "
        f"This is a bug in Headwater; the server log has the traceback.",
    )
