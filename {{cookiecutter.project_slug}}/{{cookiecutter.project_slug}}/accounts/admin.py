from django.contrib import admin

from .forms import AdminSignInForm

# The admin's sign-in form refuses over-long usernames as the site's does.
admin.site.login_form = AdminSignInForm
