"""gunicorn's settings for this site. gunicorn reads this file from the directory it is
started in (``make run``, the bench and the browser tests' server all start it here);
options on its command line win over it.

``forwarder_headers``: gunicorn takes SCRIPT_NAME and PATH_INFO from request headers when
the request comes from ``forwarded_allow_ips`` (127.0.0.1 by default), so any client on the
same machine counted as the proxy. One header gave a 500 from gunicorn on every address
("Request path '/' does not start with SCRIPT_NAME"), and a shared page rendered for it
sent later visitors' links to another site (a fuzzing session; webapp/pagecache.py keys on
the root besides). No proxy of ours sets these headers: a site served under a sub-path
sets SCRIPT_NAME in gunicorn's environment instead. The proxy's X-Forwarded-Proto is still
read (``secure_scheme_headers``).
"""

forwarder_headers = ""
