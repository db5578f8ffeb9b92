from django.db import migrations


class Migration(migrations.Migration):
    """The records of signed-in sessions live in session_guard from now on."""

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(
            name="SignedInSession",
        ),
    ]
