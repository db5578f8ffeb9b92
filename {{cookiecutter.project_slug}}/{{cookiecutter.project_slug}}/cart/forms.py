from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class AddToCartForm(forms.Form):
    """How many of an item to add: 1 to CART_MAX_QUANTITY, or empty for 1."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made here, not in the class body, so that it reads the limit in force.
        self.fields["quantity"] = forms.IntegerField(
            label=_("Quantity"),
            min_value=1,
            max_value=settings.CART_MAX_QUANTITY,
            initial=1,
            required=False,
        )

    def clean_quantity(self):
        return self.cleaned_data["quantity"] or 1
