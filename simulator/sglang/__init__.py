"""SGLang simulator: a stdlib-only stand-in for `python -m sglang.launch_server`.

See simulator/README.md. Nothing here talks to a GPU; it reproduces SGLang's
command line, process tree, log output and HTTP API faithfully enough for the
console to be tested against it.
"""

from sglang.version import __version__  # noqa: F401
