"""Launch the server: `python -m sglang.launch_server --model-path PATH [flags]`."""

import sys

from sglang.srt.engine import launch_server
from sglang.srt.server_args import prepare_server_args

if __name__ == "__main__":
    server_args, model = prepare_server_args(sys.argv[1:])
    launch_server(server_args, model)
