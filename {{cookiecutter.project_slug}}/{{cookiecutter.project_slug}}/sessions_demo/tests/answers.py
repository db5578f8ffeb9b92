"""The session answers this project was generated with.

The tests hold the settings of every environment, and the Set-Cookie header, to them.
"""

SESSION_ENGINE = "{{ cookiecutter.__session_engine }}"
SESSION_COOKIE_AGE = {{ cookiecutter.session_cookie_age }}
SESSION_EXPIRE_AT_BROWSER_CLOSE = {{ cookiecutter.session_expire_at_browser_close }}
SESSION_SAVE_EVERY_REQUEST = {{ cookiecutter.session_save_every_request }}
SESSION_COOKIE_NAME = "{{ cookiecutter.session_cookie_name }}"
SESSION_COOKIE_SECURE = {{ cookiecutter.session_cookie_secure }}
SESSION_COOKIE_HTTPONLY = {{ cookiecutter.session_cookie_httponly }}
SESSION_COOKIE_SAMESITE = "{{ cookiecutter.session_cookie_samesite }}"

CHOSEN = {name: value for name, value in globals().items() if name.isupper()}
