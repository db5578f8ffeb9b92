def cart_of(client):
    """Return the cart {item: quantity} in a test client's session."""
    return client.session.get("cart", {})
