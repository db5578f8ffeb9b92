from django import forms

from .cart import Cart


class AddToCartForm(forms.Form):
    quantity = forms.IntegerField(
        label="Quantity",
        min_value=1,
        max_value=Cart.max_quantity,
        initial=1,
        required=False,
    )

    def clean_quantity(self):
        return self.cleaned_data["quantity"] or 1
