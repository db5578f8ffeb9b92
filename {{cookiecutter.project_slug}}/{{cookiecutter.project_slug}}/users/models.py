from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A user of the site: Django's own user, in a model of this project's.

    A custom user model must exist from a project's first migration: Django cannot
    switch a database that already holds users to one. So the project starts with
    this one; add the fields your users need here, then run makemigrations.
    """
