from django.contrib.auth.views import PasswordChangeView, PasswordResetView

from .forms import ThrottledPasswordChangeForm, ThrottledPasswordResetForm


class ThrottledPasswordChangeView(PasswordChangeView):
    """Django's password change, whose wrong current passwords count as failures."""

    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class ThrottledPasswordResetView(PasswordResetView):
    """Django's password reset, a few emails per address an hour; then a 429."""

    form_class = ThrottledPasswordResetForm

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error("email", code="throttled"):
            response.status_code = 429
        return response
