from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from .cart import Cart, CartError
from .forms import AddToCartForm

SUGGESTIONS = ["awesome-item", "tea", "cake", "biscuits"]


def bad_item_name(request, error):
    """Answer 400 with the reason an item name was refused."""
    return render(request, "cart/bad_item_name.html", {"error": error}, status=400)


@require_safe
def cart_detail(request):
    """List the items in the cart, each with its quantity."""
    return render(
        request,
        "cart/cart.html",
        {"cart": Cart(request.session), "suggestions": SUGGESTIONS},
    )


# A GET that changes state is unsafe: a link preview, a prefetch or an image on another
# site could fill the cart. GET only asks here; the confirm form's POST adds.
@require_http_methods(["GET", "HEAD", "POST"])
def add_to_cart(request, item):
    """Ask before adding an item (GET), then add it and go to the cart (POST)."""
    try:
        item = Cart.clean_name(item)
    except CartError as error:
        return bad_item_name(request, error)
    form = AddToCartForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            Cart(request.session).add(item, form.cleaned_data["quantity"])
        except CartError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Added %(item)s to your cart.") % {"item": item}
            )
            return redirect("cart:detail")
    return render(
        request,
        "cart/add_to_cart.html",
        {"item": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def remove_from_cart(request, item):
    """Take every unit of an item out of the cart."""
    try:
        item = Cart.clean_name(item)
    except CartError as error:
        return bad_item_name(request, error)
    if Cart(request.session).remove(item):
        messages.success(
            request, _("Removed %(item)s from your cart.") % {"item": item}
        )
    else:
        messages.info(request, _("%(item)s was not in your cart.") % {"item": item})
    return redirect("cart:detail")


@require_POST
def clear_cart(request):
    """Empty the cart."""
    Cart(request.session).clear()
    messages.success(request, _("Your cart is empty."))
    return redirect("cart:detail")
