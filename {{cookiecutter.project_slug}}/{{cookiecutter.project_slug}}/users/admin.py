from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User

# Django's own user admin fits any subclass of AbstractUser; extend it as the model
# gains fields.
admin.site.register(User, UserAdmin)
