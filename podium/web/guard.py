"""What keeps other sites off the corpus: a Host allow-list (against DNS rebinding), a same-origin
rule for every write (against cross-site requests, even `no-cors` ones), and a signed token for
the HTML upload form.

All three are plain ASGI or small functions: they run before any route, so a refused request
reaches neither the form parser nor the store."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from podium.web.problems import send_problem

# Names a browser on this machine uses for it; a real deployment adds its own with
# `podium serve --allow-host NAME` or PODIUM_ALLOWED_HOSTS.
LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
ALLOWED_HOSTS_ENV = "PODIUM_ALLOWED_HOSTS"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# `same-site` is refused too: another port on 127.0.0.1 is the same site as this one.
ACCEPTED_FETCH_SITES = frozenset({"same-origin", "none"})
CSRF_COOKIE = "podium_csrf"
CSRF_FIELD = "csrf_token"


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port: `[::1]:8000` -> `::1`, `Example.org.` -> `example.org`."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return name.rstrip(".")


def allowed_hosts(extra: Iterable[str] = (), *, environ: dict[str, str] | None = None) -> frozenset[str]:
    """This machine's names, the ones given, and those in PODIUM_ALLOWED_HOSTS (comma-separated)."""
    from_env = (environ if environ is not None else os.environ).get(ALLOWED_HOSTS_ENV, "")
    names = [*LOCAL_HOSTS, *extra, *from_env.split(",")]
    return frozenset(host_name(name) if not _is_bare_ipv6(name) else name.strip().lower() for name in names if name.strip())


def _is_bare_ipv6(name: str) -> bool:
    return name.count(":") > 1 and not name.strip().startswith("[")


@dataclass
class HostAllowList:
    """Answers 421 to a request whose Host is not one of this server's names: a page that rebinds
    its own domain to 127.0.0.1 still sends its own domain as Host."""

    app: ASGIApp
    hosts: frozenset[str] = field(default_factory=lambda: allowed_hosts())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = _header(scope, b"host")
            if host is None or host_name(host) not in self.hosts:
                await send_problem(scope, send, 421, f"this server does not answer for host {host!r}")
                return
        await self.app(scope, receive, send)


@dataclass
class SameOriginWrites:
    """Refuses a write (any method but GET, HEAD, OPTIONS) that a browser sent from another origin.

    Browsers mark every request with Sec-Fetch-Site and every write with Origin, `no-cors` ones
    included; a client that is not a browser (curl, a script) sends neither and is let through,
    since it could send whatever it liked anyway."""

    app: ASGIApp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            reason = cross_origin_reason(scope)
            if reason:
                await send_problem(scope, send, 403, reason)
                return
        await self.app(scope, receive, send)


def cross_origin_reason(scope: Scope) -> str | None:
    """Why this request came from another site, or None when nothing says it did."""
    site = _header(scope, b"sec-fetch-site")
    if site is not None and site.lower() not in ACCEPTED_FETCH_SITES:
        return f"a write from another site is refused (Sec-Fetch-Site: {site})"
    origin = _header(scope, b"origin")
    if origin is not None and origin.lower() != own_origin(scope):
        return f"a write from another origin is refused (Origin: {origin})"
    return None


def own_origin(scope: Scope) -> str:
    """scheme://host[:port] as the browser addressed this server (the Host is already allowed)."""
    scheme = "https" if scope.get("scheme") in ("https", "wss") else "http"
    return f"{scheme}://{(_header(scope, b'host') or '').lower()}"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


# --- the form token -----------------------------------------------------------------------------


def new_secret() -> bytes:
    return secrets.token_bytes(32)


def form_token(secret: bytes, cookie: str) -> str:
    """The token a form carries: the cookie signed with the server's secret. A page on another
    port can set the cookie (cookies ignore ports) but cannot sign it."""
    return hmac.new(secret, cookie.encode(), hashlib.sha256).hexdigest()


def csrf_cookie(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie, or a new one; True when it is new and must be set."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if len(cookie) == 43 and cookie.replace("-", "").replace("_", "").isalnum():
        return cookie, False
    return secrets.token_urlsafe(32), True


def token_is_valid(request: Request, token: object) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not isinstance(token, str):
        return False
    return hmac.compare_digest(form_token(request.app.state.csrf_secret, cookie), token)
