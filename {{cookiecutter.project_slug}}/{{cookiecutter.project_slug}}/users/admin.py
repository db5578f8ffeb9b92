from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from ..session_guard.admin import end_sessions
from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's own user admin, which fits any AbstractUser; extend it as User grows.

    Its actions end the selected users' sessions, on every engine.
    """

    actions = [end_sessions]
