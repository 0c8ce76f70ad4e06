"""Session authentication for the API with the contract's order of answers: no session is 401, a session
without the CSRF token (X-CSRFToken, from POST /api/login) is 403."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import SessionAuth


class SessionThenCsrf(SessionAuth):
    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)


session = SessionThenCsrf()
