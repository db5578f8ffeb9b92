from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import SignedInSession


@admin.action(description=_("End the selected users' sessions"))
def end_sessions(modeladmin, request, queryset):
    """End every signed-in session of the selected users, on any user admin.

    Add it to the user model's admin: `actions = [end_sessions]`.
    """
    ended = SignedInSession.objects.filter(user__in=queryset).delete()[0]
    modeladmin.message_user(
        request,
        ngettext(
            "Ended %(count)d signed-in session.",
            "Ended %(count)d signed-in sessions.",
            ended,
        )
        % {"count": ended},
        messages.SUCCESS,
    )


@admin.register(SignedInSession)
class SignedInSessionAdmin(admin.ModelAdmin):
    """Let staff see a user's sessions and end them: deleting a record ends one."""

    list_display = ["user", "device", "started_at", "last_active_at"]
    search_fields = ["user__username"]
    list_select_related = ["user"]

    def has_add_permission(self, request):
        return False  # a session gets its record when it signs in

    def has_change_permission(self, request, obj=None):
        return False
