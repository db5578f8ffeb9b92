"""The Cart class, on a real session store of the chosen engine."""

import pytest
from django.conf import settings
from django.test import override_settings

from ...testing import session_store
from ..cart import Cart, CartError


@pytest.fixture
def session():
    return session_store()


def saved_and_reloaded(session):
    session.save()
    return session_store(session.session_key)


def test_a_new_cart_is_empty(session):
    cart = Cart(session)

    assert len(cart) == 0
    assert cart.items() == []


def test_add_counts_quantities(session):
    cart = Cart(session)

    cart.add("tea")
    cart.add("tea", 2)
    cart.add("cake")

    assert cart.items() == [("tea", 3), ("cake", 1)]
    assert cart.quantity("tea") == 3
    assert len(cart) == 2


def test_changes_are_saved_with_the_session(session):
    Cart(session).add("tea")

    assert session.modified
    assert Cart(saved_and_reloaded(session)).items() == [("tea", 1)]


def test_in_place_changes_are_not_saved():
    # Django saves a session when a key is assigned, not when a value it returned is
    # changed in place: why Cart always assigns.
    session = session_store()
    session["cart"] = {"tea": 1}
    reloaded = saved_and_reloaded(session)

    reloaded["cart"]["tea"] = 5

    assert not reloaded.modified


def test_lines_are_a_copy(session):
    cart = Cart(session)
    cart.add("tea")

    cart.lines()["tea"] = 50

    assert cart.quantity("tea") == 1


def test_an_item_not_in_the_cart_has_no_quantity(session):
    Cart(session).add("tea")

    assert Cart(session).quantity("cake") == 0


@pytest.mark.parametrize("quantity", [0, -1, -5])
def test_add_refuses_no_or_fewer_items(session, quantity):
    cart = Cart(session)
    cart.add("tea", 3)

    with pytest.raises(CartError, match="at least 1"):
        cart.add("tea", quantity)
    assert cart.quantity("tea") == 3


def test_remove_takes_every_unit_of_an_item(session):
    cart = Cart(session)
    cart.add("tea", 3)
    cart.add("cake")

    assert cart.remove("tea") is True
    assert cart.items() == [("cake", 1)]


def test_remove_of_a_missing_item_says_so(session):
    assert Cart(session).remove("tea") is False


def test_clear_empties_the_cart(session):
    cart = Cart(session)
    cart.add("tea")

    cart.clear()

    assert len(cart) == 0
    assert "cart" not in session


@pytest.mark.parametrize(
    "name",
    ["", "x" * 65, "two words", "<script>", "../etc", "tea\x00", "a/b", "tea;cake"],
    ids=["empty", "too-long", "space", "markup", "dot-dot", "nul", "slash", "semi"],
)
def test_add_refuses_bad_names(session, name):
    with pytest.raises(CartError):
        Cart(session).add(name)
    assert "cart" not in session


@pytest.mark.parametrize(
    "name", ["awesome-item", "tea_2", "Çay", "お茶", "x", "x" * 64]
)
def test_add_takes_names_in_any_script(session, name):
    Cart(session).add(name)

    assert Cart(session).quantity(name) == 1


def test_quantities_stop_at_the_limit(session):
    cart = Cart(session)
    cart.add("tea", settings.CART_MAX_QUANTITY)

    with pytest.raises(CartError):
        cart.add("tea")
    assert cart.quantity("tea") == settings.CART_MAX_QUANTITY


def test_the_number_of_items_stops_at_the_limit(session):
    cart = Cart(session)
    for number in range(settings.CART_MAX_ITEMS):
        cart.add(f"item-{number}")

    with pytest.raises(CartError):
        cart.add("one-more")
    assert len(cart) == settings.CART_MAX_ITEMS


@pytest.mark.parametrize("stored", ["text", ["a", "list"], {"tea": "x"}, {"tea": 0}])
def test_values_the_cart_did_not_write_read_as_empty(session, stored):
    session["cart"] = stored

    assert Cart(session).items() == []


@override_settings(CART_MAX_ITEMS=2, CART_MAX_QUANTITY=3, CART_MAX_NAME_LENGTH=4)
def test_the_limits_are_settings(session):
    cart = Cart(session)
    cart.add("tea", 3)
    cart.add("cake")

    for name, quantity in [("tea", 1), ("pie", 1), ("bread", 1)]:
        with pytest.raises(CartError):
            cart.add(name, quantity)
    assert cart.items() == [("tea", 3), ("cake", 1)]


def test_a_bad_name_is_refused_with_the_rule_for_names(session):
    with pytest.raises(CartError) as refused:
        Cart(session).add("two words")

    assert str(refused.value) == (
        f"Item names are 1 to {settings.CART_MAX_NAME_LENGTH} letters, digits, "
        "hyphens or underscores."
    )


def test_adding_none_of_an_item_is_refused_and_says_so(session):
    with pytest.raises(CartError) as refused:
        Cart(session).add("tea", 0)

    assert str(refused.value) == "Add at least 1 of an item."
    assert len(Cart(session)) == 0


def test_a_full_cart_says_how_many_items_it_holds(session):
    cart = Cart(session)
    for number in range(settings.CART_MAX_ITEMS):
        cart.add(f"item-{number}")

    with pytest.raises(CartError) as refused:
        cart.add("one-more")

    assert str(refused.value) == (
        f"A cart holds at most {settings.CART_MAX_ITEMS} different items."
    )
