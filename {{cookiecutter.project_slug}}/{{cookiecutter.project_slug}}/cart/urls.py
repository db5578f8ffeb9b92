from django.urls import path

from . import views

app_name = "cart"
urlpatterns = [
    path("cart/", views.cart_detail, name="detail"),
    path("add_to_cart/<str:item>/", views.add_to_cart, name="add"),
    path("cart/remove/<str:item>/", views.remove_from_cart, name="remove"),
    path("cart/clear/", views.clear_cart, name="clear"),
]
