"""Lighthouse's accessibility, best-practices and SEO scores of every page.

    .venv/bin/python -m bench.lighthouse [--write]

Bakes the default project, serves it as production does (gunicorn, WhiteNoise, DEBUG
off; plain http on 127.0.0.1, as behind a TLS proxy), and runs Lighthouse (npm, put in
.cache/lighthouse/ on first use) in Debian's Chromium on each page. Prints a table of
the scores and of every audit below 100; with --write, the table also replaces the one
in the template's README. An audit on demand, not a test of the matrix: it needs node,
npm and Chromium.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from harness import TEMPLATE_DIR
from harness.npm_tools import npm_package

from .common import bake, write_between
from .serving import served

LIGHTHOUSE = "lighthouse@12"
CATEGORIES = ["accessibility", "best-practices", "seo"]
PAGES = {
    "home": "/",
    "set session": "/set_session/",
    "get session": "/get_session/",
    "playground": "/session/",
    "cart": "/cart/",
    "add to cart": "/add_to_cart/tea/",
    "sign in": "/accounts/login/",
    "password reset": "/accounts/password_reset/",
}  # Lighthouse refuses error pages; axe-core checks those in the browser tests.
README = TEMPLATE_DIR / "README.md"
MARKERS = ("<!-- lighthouse:start -->", "<!-- lighthouse:end -->")


def lighthouse():
    """Return the lighthouse command, installing it from npm on first use."""
    modules = npm_package(LIGHTHOUSE, "lighthouse")
    if modules is None:
        raise SystemExit("Lighthouse comes from npm: install node and npm.")
    return modules / ".bin" / "lighthouse"


def chromium():
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        if found := os.environ.get("CHROME_PATH") or shutil.which(name):
            return found
    raise SystemExit("Lighthouse needs Chromium: apt install chromium.")


def audit(command, browser, url, report):
    """Run Lighthouse on url; return ({category: score}, [audits below 100])."""
    sandbox = " --no-sandbox" if os.geteuid() == 0 else ""
    subprocess.run(
        [command, url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}",
         f"--chrome-flags=--headless=new{sandbox}"],
        env={**os.environ, "CHROME_PATH": browser},
        check=True,
    )  # fmt: skip
    result = json.loads(Path(report).read_text())
    scores = {
        name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES
    }
    below = sorted(
        audit["title"]
        for category in CATEGORIES
        for reference in result["categories"][category]["auditRefs"]
        if reference["weight"]
        and (audit := result["audits"][reference["id"]])["score"] is not None
        and audit["score"] < 1
    )
    return scores, below, result["lighthouseVersion"]


def table(results, lighthouse_version, browser_version):
    lines = [
        f"Lighthouse {lighthouse_version} in {browser_version}, headless, on the "
        "default bake under gunicorn with production settings, one run per page. "
        f"Measured {date.today()} by `bench/lighthouse.py`.",
        "",
        "| Page | Accessibility | Best practices | SEO | Below 100 |",
        "|---|---|---|---|---|",
    ]
    for page, (scores, below) in results.items():
        figures = " | ".join(str(scores[name]) for name in CATEGORIES)
        lines.append(f"| {page} | {figures} | {'; '.join(below) or '-'} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the README")
    arguments = parser.parse_args(argv)
    command, browser = lighthouse(), chromium()
    browser_version = subprocess.run(
        [browser, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    results = {}
    with tempfile.TemporaryDirectory() as workdir:
        project = bake(Path(workdir), "lighthouse")
        with served(project, Path(workdir) / "gunicorn.log") as (server, _):
            for page, path in PAGES.items():
                scores, below, version = audit(
                    command, browser, server.url + path, Path(workdir) / "report.json"
                )
                results[page] = (scores, below)
    text = table(results, version, browser_version)
    print(text)
    if arguments.write:
        write_between(README, MARKERS, text)


if __name__ == "__main__":
    main()
