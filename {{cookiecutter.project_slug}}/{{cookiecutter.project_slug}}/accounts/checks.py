"""Deployment checks of the mail that a forgotten password depends on.

Django only logs a password-reset mail it could not send, and the visitor is told it
went: `manage.py check --deploy` says beforehand when mail is not set up.
"""

from email.utils import parseaddr

from django.conf import settings
from django.core.checks import Warning, register

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mail_server():
    """Return the backend and host that the site's mail goes through."""
{% if cookiecutter.django_version == "5.2" %}
    return settings.EMAIL_BACKEND, settings.EMAIL_HOST
{% else %}
    mailer = settings.MAILERS.get("default", {})
    return mailer.get("BACKEND", SMTP_BACKEND), mailer.get("OPTIONS", {}).get("host")
{% endif %}


@register("mail", deploy=True)
def check_mail_is_set_up(app_configs, **kwargs):
    warnings = []
    if mail_server() == (SMTP_BACKEND, "localhost"):
        warnings.append(
            Warning(
                "Mail goes to an SMTP server on this machine (localhost), where there "
                "is seldom one: a password-reset mail would be lost, while the "
                "visitor is told it was sent.",
                hint="Set EMAIL_URL to your mail server, such as "
                "smtp+tls://user:password@smtp.example.com:587 (or, if one does run "
                "here, silence accounts.W001).",
                id="accounts.W001",
            )
        )
    if parseaddr(settings.DEFAULT_FROM_EMAIL)[1].endswith("@localhost"):
        warnings.append(
            Warning(
                f"Mail is sent from {settings.DEFAULT_FROM_EMAIL!r}, which mail "
                "servers refuse or file as spam.",
                hint="Set DJANGO_DEFAULT_FROM_EMAIL to an address of the site's "
                "domain, such as shop@example.com.",
                id="accounts.W002",
            )
        )
    return warnings
