"""``stakegraph serve``: a local, read-only web explorer over one store (Starlette + Jinja2).

Every page and every ``/api/…`` answer comes from :mod:`.api` (the CLI's query functions), so the
explorer shows the same rows as ``--format json``. Pages are escaped by Jinja2's autoescape and sent
with a strict Content-Security-Policy: scripts only from ``/static``, no inline script or handler.
Requests whose Host is not this machine are refused (no DNS rebinding into a local store).
"""

from __future__ import annotations

import asyncio
import time
from importlib import resources
from typing import Any

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..exports.html import script_json, vis_network_js
from ..graph.errors import AmbiguousError, InputError, NotFoundError, StakegraphError
from ..graph.schema import ORG_KINDS
from . import graphs, source_text
from .api import ROWS

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store"}
#: Facts per page of an entity's profile (a hub's thousands of facts are paged).
FACTS_PER_PAGE = 100
#: Rows per page of met/partners/timeline tables.
ROWS_PER_PAGE = 200

_STATIC: dict[str, tuple[str, str]] = {
    "vis-network.min.js": ("vis", "text/javascript"),
    "graph.js": ("stakegraph.exports:html_app.js", "text/javascript"),
    "graph.css": ("stakegraph.exports:html_style.css", "text/css"),
    "explorer.js": ("stakegraph.web:static/explorer.js", "text/javascript"),
    "explorer.css": ("stakegraph.web:static/explorer.css", "text/css"),
}


def _static_text(spec: str) -> str:
    if spec == "vis":
        return vis_network_js()
    package, name = spec.split(":")
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _json(value: Any, status: int = 200) -> Response:
    body = orjson.dumps(value, default=str, option=orjson.OPT_PASSTHROUGH_DATETIME)
    return Response(body, status, media_type="application/json", headers=HEADERS)


class Explorer:
    """The routes over one open store; store calls are serialised (one embedded connection)."""

    def __init__(self, store: Any):
        self.store = store
        self.lock = asyncio.Lock()
        self.env = Environment(loader=PackageLoader("stakegraph.web", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True))
        self.env.filters["script_json"] = script_json
        self.env.filters["safe_url"] = safe_url
        self.env.globals.update(org_kinds=ORG_KINDS, export_types=list(graphs.EXPORT_TYPES))
        self.assets = {name: (_static_text(spec), media) for name, (spec, media) in _STATIC.items()}
        self.timings: list[tuple[str, float]] = []

    async def run(self, fn: Any, *args: Any) -> Any:
        async with self.lock:
            return fn(*args)

    def page(self, name: str, status: int = 200, **values: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(store=self.store.describe(), **values)
        return HTMLResponse(html, status, headers=HEADERS)

    def error(self, request: Request, exc: StakegraphError) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 400
        message = " ".join(str(exc).split())
        if request.url.path.startswith("/api/"):
            return _json({"error": message}, status)
        candidates = [{"id": n.id, "name": n.name, "label": n.label} for n in getattr(exc, "candidates", [])]
        return self.page("error.html", status, message=message, candidates=candidates,
                         ambiguous=isinstance(exc, AmbiguousError))

    # ---- routes -----------------------------------------------------------------------------
    async def home(self, request: Request) -> Response:
        stats = await self.run(ROWS["stats"], self.store, {})
        return self.page("home.html", stats=[r for r in stats if r["count"]])

    async def api(self, request: Request) -> Response:
        name = request.path_params["command"]
        if name not in ROWS:
            return _json({"error": f"unknown command {name!r} (known: {', '.join(sorted(ROWS))})"}, 404)
        return _json(await self.run(ROWS[name], self.store, request.query_params))

    async def search(self, request: Request) -> Response:
        q = request.query_params.get("text", "").strip()
        rows = await self.run(ROWS["search"], self.store, {"text": q, "limit": "50"}) if q else []
        return self.page("search.html", q=q, rows=rows)

    async def entity(self, request: Request) -> Response:
        p = request.query_params
        entity_id = p.get("id", "")
        t = time.perf_counter()
        data = await self.run(ROWS["show"], self.store, {"entity": entity_id, "limit": "0"})
        e = data["entity"]
        if e["id"] != entity_id:  # a name was given: the page's address is the id
            return RedirectResponse(f"/entity?id={_q(e['id'])}", 303)
        page = _int(p.get("page"), 1)
        facts = data["facts"]
        shown = facts[(page - 1) * FACTS_PER_PAGE: page * FACTS_PER_PAGE]
        groups: dict[str, list[dict[str, Any]]] = {}
        for f in shown:
            groups.setdefault(_SECTION.get(f["type"], "Related"), []).append(f)
        drawing = await self.run(graphs.drawing, self.store, [e["id"]])
        self.timings.append(("entity", time.perf_counter() - t))
        return self.page("entity.html", e=e, data=data, groups=[(s, groups[s]) for s in _ORDER if s in groups],
                         page=page, pages=max(1, -(-len(facts) // FACTS_PER_PAGE)), total=len(facts),
                         drawing=drawing, around=[e["id"]], qs=_qs(request))

    async def table(self, request: Request) -> Response:
        name = request.url.path.strip("/")
        p = request.query_params
        params = dict(p)
        if name == "path":
            params["exclude"] = p.getlist("exclude")  # type: ignore[assignment]
        need = {"met": "entity", "peers": "entity", "timeline": "entity", "path": "b"}.get(name)
        if need and not p.get(need):
            return self.page(f"{name}.html", p=params, rows=None, page=1, pages=1, drawing=None, total=0, qs="")
        q = dict(params, limit="0") if name in ("met", "partners", "timeline") else params
        rows = await self.run(ROWS[name], self.store, _Params(q, params.get("exclude")))
        page = _int(p.get("page"), 1)
        shown = rows[(page - 1) * ROWS_PER_PAGE: page * ROWS_PER_PAGE] if name != "path" else rows
        drawing, ids = None, []
        if name == "path" and rows:
            ids = graphs.path_ids(rows)
            drawing = await self.run(graphs.drawing, self.store, [], ids)
        entity = None
        if p.get("entity"):
            entity = await self.run(self.store.resolve, p["entity"])
        return self.page(f"{name}.html", p=params, rows=shown, total=len(rows), page=page, entity=entity,
                         pages=max(1, -(-len(rows) // ROWS_PER_PAGE)), drawing=drawing, ids=ids, qs=_qs(request))

    async def source(self, request: Request) -> Response:
        data = await self.run(ROWS["source"], self.store, {"id": request.query_params.get("id", "")})
        quotes = list(dict.fromkeys(q for q in [f["quote"] for f in data["facts"]] +
                                    [n["quote"] for n in data["entities"]] if q))
        text = await self.run(source_text.read_text, data["source"])
        segments, found = source_text.marked(text, quotes) if text else ([], set())
        anchor = {q: i for i, q in enumerate(quotes) if i in found}  # a fact's quote -> its mark in the text
        return self.page("source.html", s=data["source"], data=data, segments=segments, anchor=anchor,
                         nfacts=len(data["facts"]), has_text=text is not None)

    async def graph(self, request: Request) -> Response:
        p = request.query_params
        return _json(await self.run(graphs.expansion, self.store, p.get("id", "")))

    async def export(self, request: Request) -> Response:
        p = request.query_params
        fmt = p.get("format", "html")
        around, ids = p.getlist("around"), p.getlist("ids")
        depth = _int(p.get("depth"), 1, 0, 10)
        limit = _int(p.get("limit"), graphs.PAGE_NODES, 1, 1_000_000)

        def build() -> tuple[bytes, str]:
            g, ctx = graphs.view_graph(self.store, around, ids, depth, limit)
            return graphs.export_bytes(fmt, g, ctx)

        body, filename = await self.run(build)
        return Response(body, media_type=graphs.EXPORT_TYPES.get(fmt, "application/octet-stream"),
                        headers={**HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'})

    async def static(self, request: Request) -> Response:
        found = self.assets.get(request.path_params["name"])
        if found is None:
            return Response("not found", 404, headers=HEADERS)
        return Response(found[0], media_type=found[1], headers={**HEADERS, "Cache-Control": "max-age=3600"})


class _Params(dict):
    """Query parameters as a mapping with ``getlist`` (for repeated ``exclude``)."""

    def __init__(self, values: dict[str, Any], many: Any = None):
        super().__init__(values)
        self.many = many or []

    def getlist(self, name: str) -> list[str]:
        return list(self.many) if name == "exclude" else ([self[name]] if name in self else [])


_SECTION = {"HOLDS_ROLE": "Roles", "ATTENDED": "Events", "PARTNERS_WITH": "Partners", "MEMBER_OF": "Partners",
            "PART_OF": "Partners", "OWNS": "Ownership", "RELATED_TO": "Related"}
_ORDER = ["Roles", "Events", "Partners", "Ownership", "Related"]


def safe_url(url: Any) -> str | None:
    """``url`` when it is an http(s) URL (the only links made from data), else None."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _qs(request: Request) -> str:
    from urllib.parse import urlencode

    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "page"])


def _int(value: Any, default: int, lo: int = 1, hi: int = 1_000_000) -> int:
    try:
        return min(max(int(value), lo), hi)
    except (TypeError, ValueError):
        return default


def _q(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def create_app(store: Any, hosts: list[str] | None = None) -> Starlette:
    """The explorer app over ``store`` (kept open by the caller); ``hosts``: Host names accepted."""
    ex = Explorer(store)

    async def on_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StakegraphError)
        return ex.error(request, exc)

    routes = [
        Route("/", ex.home), Route("/search", ex.search), Route("/entity", ex.entity),
        Route("/met", ex.table), Route("/partners", ex.table), Route("/peers", ex.table),
        Route("/timeline", ex.table), Route("/path", ex.table), Route("/source", ex.source),
        Route("/graph", ex.graph), Route("/export", ex.export), Route("/api/{command}", ex.api),
        Route("/static/{name}", ex.static),
    ]
    allowed = hosts or ["127.0.0.1", "localhost", "::1", "[::1]"]
    app = Starlette(routes=routes, exception_handlers={StakegraphError: on_error},
                    middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed)])
    app.state.explorer = ex
    return app


def serve(store: Any, host: str = "127.0.0.1", port: int = 8765, log: Any = print) -> None:
    """Run the explorer on ``host:port`` until interrupted. The socket is bound here, before the banner,
    so a host that is no address of this machine or a port in use is a one-line InputError (not
    uvicorn's own two lines), and ``--port 0`` announces the port the system chose."""
    import uvicorn

    if port < 0 or port > 65535:
        raise InputError(f"--port must be between 0 and 65535, not {port}")
    sock = _listen(host, port)
    port = sock.getsockname()[1]
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"] + ([host] if host not in ("127.0.0.1", "localhost") else [])
    app = create_app(store, hosts if host not in ("0.0.0.0", "::") else ["*"])
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else f"[{host}]" if ":" in host else host
    log(f"stakegraph explorer on http://{shown}:{port}/ "
        f"({store.describe()}, read-only; listening on {host} only"
        + (", reachable from other machines" if host not in ("127.0.0.1", "localhost", "::1") else "") + ")")
    with sock:
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


def _listen(host: str, port: int) -> Any:
    """A socket bound to ``host:port`` (IPv6 when the host has a ':', as uvicorn does); InputError
    naming --host/--port when the host is no address here or the port cannot be had."""
    import socket

    if not host.strip():
        raise InputError("--host '': give an address (127.0.0.1: this machine only; 0.0.0.0: every interface)")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        addr = socket.getaddrinfo(host.strip("[]"), port, family, socket.SOCK_STREAM)[0][4]
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(f"--host {host!r}: not an address this machine can listen on ({reason})") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
    except OSError as exc:
        sock.close()
        raise InputError(f"--host {host} --port {port}: cannot listen there ({exc.strerror or exc})") from None
    return sock

