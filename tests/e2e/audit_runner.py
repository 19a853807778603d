"""Run `python -m desktop ARGS` with an audit hook that logs every attempt to reach the network.

The log file comes from GONGWEN_AUDIT_LOG; only internet addresses count (Unix sockets are local).
"""

import os
import runpy
import sys
import traceback

NETWORK_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "urllib.Request",
    "http.client.connect",
}


def _is_internet(event: str, args: tuple) -> bool:
    if event == "socket.connect":
        return isinstance(args[1], tuple)  # AF_UNIX addresses are str/bytes
    return True


def _hook(event: str, args: tuple) -> None:
    if event in NETWORK_EVENTS and _is_internet(event, args):
        where = "".join(traceback.format_stack(limit=6)[:-1])
        with open(os.environ["GONGWEN_AUDIT_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{event} {args!r}\n{where}\n")


def install() -> None:
    sys.addaudithook(_hook)


if __name__ == "__main__":
    install()
    sys.argv = ["gongwen", *sys.argv[1:]]
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)
