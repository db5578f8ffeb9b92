from django.contrib.auth.views import PasswordChangeView

from .forms import ThrottledPasswordChangeForm


class ThrottledPasswordChangeView(PasswordChangeView):
    """Django's password change, whose wrong current passwords count as failures."""

    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
