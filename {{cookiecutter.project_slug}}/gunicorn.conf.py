"""How gunicorn serves this project: `gunicorn config.wsgi` reads this file.

Workers and threads come from the environment, so each server can fit its cores.
gunicorn is meant to sit behind a proxy (nginx, Caddy, a load balancer) that buffers
requests: a client that sends slowly then holds a proxy connection, not a thread here.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Processes (about one or two per core) and threads in each: a thread waits on the
# database or Redis while another serves.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request still running after this many seconds is cut off and its worker restarted;
# a stopping worker gets as long to finish what it serves.
timeout = 30
graceful_timeout = 30
# Seconds an idle connection from the proxy stays open for its next request.
keepalive = 5

# Requests far bigger than this site's own are refused before Django sees them: a
# request line (method, path, query) of 2 KB at most, 50 headers, each up to 8 KB
# (a session cookie may take 4 KB of it).
limit_request_line = 2048
limit_request_fields = 50
limit_request_field_size = 8190

# The proxies whose X-Forwarded-* headers are believed (comma-separated addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# One line per request on stdout, for the service manager's log.
accesslog = "-"
