"""Load from wrk (Debian's package): requests per second and latency percentiles.

Each wrk thread drives one connection as one visitor with a session of its own, so
that visitors do not queue on each other's session lock.
"""

import re
import shutil
import subprocess
import sys
import tempfile

SCRIPT = """
local visitors = {%(visitors)s}
local count = 0
function setup(thread)
    count = count + 1
    thread:set("visitor", count)
end
function init(args)
    local me = visitors[visitor]
    if me then
        wrk.headers["Cookie"] = me.cookie
        if %(post)s then
            wrk.method = "POST"
            wrk.body = "csrfmiddlewaretoken=" .. me.token
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
        end
    end
end
local n = 0
function request()
    n = n + 1
    return wrk.format(nil, string.format("%(path)s", n %% 10))
end
"""
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def require_wrk():
    if shutil.which("wrk") is None:
        sys.exit("The benchmarks need wrk: apt-get install wrk")


def load(url, path, visitors=(), post=False, seconds=5):
    """One wrk run; path may hold %d, replaced by a number from 0 to 9.

    visitors: (cookie header, CSRF token) pairs, one per connection; none for pages
    that need no session.
    """
    connections = max(len(visitors), 4)
    table = ", ".join(
        f'{{cookie = "{cookie}", token = "{token}"}}' for cookie, token in visitors
    )
    lua = SCRIPT % {"visitors": table, "post": str(post).lower(), "path": path}
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(lua)
        script.flush()
        output = subprocess.run(
            ["wrk", "--latency", "-t", str(connections), "-c", str(connections),
             "-d", f"{seconds}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout  # fmt: skip
    return parse(output)


def parse(output):
    def latency(percent):
        value, unit = re.search(
            rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)$", output, re.M
        ).groups()
        return float(value) * UNITS[unit]

    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": latency(50),
        "p99": latency(99),
        "failed": int(failed[1]) if failed else 0,
    }
