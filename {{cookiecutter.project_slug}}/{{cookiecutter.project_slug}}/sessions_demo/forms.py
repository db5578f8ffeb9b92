"""One form per playground button: each checks its input and applies itself.

apply() returns the message for the visitor, or raises SessionTooLarge.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..session_guard.cookie_size import SessionTooLarge, set_within_cookie_limit

# Keys of a visitor's own that one session may hold, so that nobody can grow one
# without end (those of Django and of this project start with _ and do not count).
MAX_KEYS = 30


def validate_not_reserved(key):
    # Django keeps its own entries (_session_expiry, _auth_user_id, ...) under keys
    # that start with an underscore; a typed value there would break the session.
    if key.startswith("_"):
        raise ValidationError(
            gettext("Keys starting with _ belong to Django; pick another.")
        )


class SessionKeyField(forms.CharField):
    default_validators = [validate_not_reserved]

    def __init__(self):
        super().__init__(label=_("Key"), max_length=64)


class SetValueForm(forms.Form):
    button = _("Set")
    code = "session[key] = value"
    explanation = _(
        "Stores a value under a key; the session is saved with the response."
    )
    key = SessionKeyField()
    value = forms.CharField(label=_("Value"), max_length=200)

    def apply(self, session):
        key = self.cleaned_data["key"]
        keys = session.keys()  # a session cannot be iterated itself
        own_keys = [name for name in keys if not name.startswith("_")]
        if key not in session and len(own_keys) >= MAX_KEYS:
            raise SessionTooLarge(
                gettext("A session here holds at most %(count)d keys.")
                % {"count": MAX_KEYS}
            )
        set_within_cookie_limit(session, key, self.cleaned_data["value"])
        return gettext("Stored %(key)s.") % {"key": repr(key)}


class PopValueForm(forms.Form):
    button = _("Pop")
    code = "session.pop(key)"
    explanation = _("Removes one key and its value.")
    key = SessionKeyField()

    def apply(self, session):
        key = self.cleaned_data["key"]
        if key not in session:
            return gettext("%(key)s was not in the session.") % {"key": repr(key)}
        session.pop(key)
        return gettext("Removed %(key)s.") % {"key": repr(key)}


class ClearForm(forms.Form):
    button = _("Clear")
    code = "session.clear()"
    explanation = _("Empties the data but keeps the session and its key.")

    def apply(self, session):
        session.clear()
        return gettext("Cleared the data; the session key stays.")


class FlushForm(forms.Form):
    button = _("Flush")
    code = "session.flush()"
    explanation = _(
        "Deletes the data and the session itself, as logging out does; "
        "the next write starts a new session under a new key."
    )

    def apply(self, session):
        session.flush()
        return gettext("Flushed: the data is deleted and a new, empty session begins.")


class CycleKeyForm(forms.Form):
    button = _("Cycle key")
    code = "session.cycle_key()"
    explanation = _(
        "Moves the data to a new key, as logging in does, so that a key someone "
        "planted beforehand stops working."
    )

    def apply(self, session):
        session.cycle_key()
        return gettext("The session has a new key and kept its data.")


class SetExpiryForm(forms.Form):
    button = _("Set expiry")
    code = "session.set_expiry(seconds)"
    explanation = _(
        "Changes how long this one session lives, up to SESSION_COOKIE_AGE."
    )
    seconds = forms.IntegerField(
        label=_("Seconds"),
        min_value=0,
        required=False,
        help_text=_(
            "0 ends the session when the browser closes; "
            "empty goes back to the default."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No session outlives the site's cookie age: a visitor may shorten theirs.
        longest = settings.SESSION_COOKIE_AGE
        field = self.fields["seconds"]
        field.max_value = longest
        field.validators.append(MaxValueValidator(longest))
        field.widget.attrs["max"] = longest

    def apply(self, session):
        seconds = self.cleaned_data["seconds"]
        session.set_expiry(seconds)
        if seconds is None:
            return gettext("Expiry back to the default (%(seconds)d s).") % {
                "seconds": settings.SESSION_COOKIE_AGE
            }
        if seconds == 0:
            return gettext("The session now ends when the browser closes.")
        return gettext(
            "The session now expires %(seconds)d s after the last change."
        ) % {"seconds": seconds}


# The playground's buttons, by the name in their URL (/session/<name>/).
ACTIONS = {
    "set": SetValueForm,
    "pop": PopValueForm,
    "clear": ClearForm,
    "flush": FlushForm,
    "cycle_key": CycleKeyForm,
    "set_expiry": SetExpiryForm,
}


def bind(action, data=None):
    """Return the form of one action, knowing its name, with HTML ids of its own."""
    form = ACTIONS[action](data, auto_id=f"id_{action}_%s")
    form.action = action
    return form
