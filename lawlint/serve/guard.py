"""In front of the app (pure ASGI): the access token, the bound on a request's body, and the
headers every response carries."""
from __future__ import annotations

import hmac

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from . import pages
from .settings import Settings

COOKIE = "lawlint_token"
# Nothing is fetched from anywhere (offices are often offline, and the pages must not leak the
# drafts): only the pages' own inline styles and scripts run; results are never cached.
HEADERS = {"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                                      "img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                                      "frame-ancestors 'none'",
           "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cache-control": "no-store"}


class TooLarge(Exception):
    """A request's body went over ``max_upload_mb`` while it was being read."""


class Guard:
    """Pure ASGI in front of the app: the access token (``?token=`` once, then a cookie; or an
    ``Authorization: Bearer`` header) and the bound on a request's body."""

    def __init__(self, app, settings: Settings):
        self.app, self.settings = app, settings

    def __getattr__(self, name):
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        plain_send = send

        async def send(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in HEADERS.items():
                    headers.setdefault(key, value)
            await plain_send(message)
        request = Request(scope)
        token = self.settings.token
        if token:
            given = request.query_params.get("token")
            if given is not None and hmac.compare_digest(given.encode(), token.encode()):
                response = RedirectResponse(request.url.remove_query_params("token"), status_code=303)
                response.set_cookie(COOKIE, token, httponly=True, samesite="strict")
                return await response(scope, receive, send)
            bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
            if not any(v and hmac.compare_digest(v.encode(), token.encode())
                       for v in (request.cookies.get(COOKIE), bearer)):
                body = pages.error("需要访问口令：请用管理员提供的完整链接（含 ?token=…）打开本页")
                return await HTMLResponse(body, status_code=401)(scope, receive, send)
        limit, seen = self.settings.max_upload_bytes, 0
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            msg = f"上传的内容超过 {self.settings.max_upload_mb:g} MB，已拒绝；请分批上传"
            return await HTMLResponse(pages.error(msg), status_code=413,
                                      headers={"Connection": "close"})(scope, receive, send)

        async def bounded():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge()
            return message
        return await self.app(scope, bounded, send)
