"""`fosterdocs edit`: a local web app in which the registered manager edits the documents in forms."""

from __future__ import annotations

import logging
import socket
import webbrowser
from pathlib import Path

from werkzeug.serving import make_server

from ..project import CannotRun
from .app import create_app
from .security import Session

DEFAULT_PORT = 8100
PORTS_TRIED = 50


def _free(port: int) -> bool:
    """Whether the editor can listen on the port (werkzeug would print its own message and exit otherwise)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _server(data: Path, port: int | None):
    """The editor's server on 127.0.0.1: the port asked for, or the first free one from 8100."""
    for candidate in [port] if port else range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED):
        if not _free(candidate):
            continue
        session = Session(candidate)
        return make_server("127.0.0.1", candidate, create_app(data, session), threaded=True), session
    wanted = f"Port {port} is" if port else f"Ports {DEFAULT_PORT} to {DEFAULT_PORT + PORTS_TRIED - 1} are"
    raise CannotRun(f"{wanted} in use on this computer: choose another with --port.")


def run(data: Path, port: int | None, open_browser: bool) -> None:
    """Serve the editor until Ctrl-C, printing the one address (with its session key) that opens it."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line for the manager, not one per request
    server, session = _server(data, port)
    print(f"Editing {data} at {session.url} (press Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(session.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        print("Stopped the editor.", flush=True)



