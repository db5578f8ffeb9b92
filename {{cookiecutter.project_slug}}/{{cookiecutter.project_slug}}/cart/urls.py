from django.urls import path

from . import views

urlpatterns = [
    path("cart/", views.cart_detail, name="cart"),
    path("add_to_cart/<str:item>/", views.add_to_cart, name="add_to_cart"),
    path("cart/remove/<str:item>/", views.remove_from_cart, name="remove_from_cart"),
    path("cart/clear/", views.clear_cart, name="clear_cart"),
]
