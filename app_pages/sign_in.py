"""Sign in (team mode): the only page a browser session sees until it is signed in.

``app.py`` routes every page's address here while nobody is signed in, so a link to a page
(``/clients?client=7``) leads to that page once the counselor has signed in. With an
identity provider configured (``[auth]`` in ``.streamlit/secrets.toml``) it also offers
signing in through it (``ui.auth``: the provider's e-mail names the account).
"""

from __future__ import annotations

from ui.auth import render_sign_in
from ui.state import get_store


def main() -> None:
    render_sign_in(get_store())


main()
