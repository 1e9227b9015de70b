"""Drive headless Chromium (Playwright) against exported HTML files, offline; shared by tests and benchmarks."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def have_chromium() -> bool:
    """True when the system Chromium (never a downloaded one) and Playwright are available."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists()


@dataclass
class PageLog:
    """What a page did besides drawing: blocked requests, dialogs, CSP violations, errors."""

    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless system Chromium browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()



def wait_js(page: Any, expr: str, timeout: float = 30) -> None:
    """Poll ``expr`` until truthy. page.evaluate runs outside the page's CSP; wait_for_function compiles
    its predicate inside the page once it has to poll, which the export's CSP (no unsafe-eval) refuses."""
    end = time.monotonic() + timeout
    while not page.evaluate(expr):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {expr}")
        time.sleep(0.05)

@contextlib.contextmanager
def open_page(browser: Any, path: Path, width: int = 1280, height: int = 800,
              wait_ready: bool = True, timeout_ms: int = 30000) -> Iterator[tuple[Any, PageLog]]:
    """Open ``path`` from file:// with every non-file request aborted and logged; wait for the drawing."""
    log = PageLog()
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    page = context.new_page()

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            log.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("requestfailed", lambda req: None if req.url.startswith("file:") else log.blocked.append(req.url))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("console", lambda m: log.console.append(f"{m.type}: {m.text}"))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', function (e) {"
        " (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI); });")
    try:
        page.goto(Path(path).resolve().as_uri(), wait_until="load", timeout=timeout_ms)
        if wait_ready:
            wait_js(page, "window.stakegraph && window.stakegraph.ready === true", timeout_ms / 1000)
        yield page, log
    finally:
        context.close()


def draw_time(path: Path, browser: Any | None = None) -> float:
    """Seconds from navigation start until the page reports its first drawing (``stakegraph.ready``)."""
    with contextlib.ExitStack() as stack:
        if browser is None:
            browser = stack.enter_context(chromium())
        start = time.perf_counter()
        with open_page(browser, path) as (page, log):
            elapsed = time.perf_counter() - start
            if log.blocked or log.errors:
                raise AssertionError(f"page misbehaved: blocked={log.blocked} errors={log.errors}")
        return elapsed
