from django.contrib import admin

from .models import SignedInSession


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
