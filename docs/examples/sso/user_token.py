import base64
import hashlib
import hmac
import json
import time


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def chime_user_token(user: dict, secret: str, lifetime_seconds: int = 7200) -> str:
    """The value of <chime-comments user-token="..."> for a signed-in user of your site.

    `secret` is the comment server's CHIME_SSO_SECRET: keep it on your server, never in a page.
    """
    now = int(time.time())
    payload = {
        "id": str(user["id"]),
        "name": user["name"],
        "email": user.get("email"),
        "avatar": user.get("avatar"),  # an https URL, or None
        "iat": now,
        "exp": now + lifetime_seconds,
    }
    signed = "v1." + _b64url(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mac = hmac.new(secret.encode("utf-8"), signed.encode("ascii"), hashlib.sha256).digest()
    return signed + "." + _b64url(mac)
