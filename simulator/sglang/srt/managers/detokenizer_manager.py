"""The detokenizer process: in the simulator it only exists (text is produced by the HTTP process)."""

import signal
import time

from sglang.srt.process_utils import set_process_name


def run_detokenizer_process(server_args):
    set_process_name("sglang::detokenizer")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        time.sleep(3600)
