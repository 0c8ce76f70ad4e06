from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "devplan.accounts"
    label = "accounts"
