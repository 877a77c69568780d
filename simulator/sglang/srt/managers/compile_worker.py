"""A sleeping helper the scheduler starts (like a torch compile worker): a grandchild of the launcher.

`python -m sglang.srt.managers.compile_worker PARENT_PID [--setsid]`. It exits when its
parent scheduler is gone, so a crashed scheduler does not leave it behind.
"""

import os
import sys
import time

from sglang.srt.process_utils import set_process_name


def main():
    parent = int(sys.argv[1])
    if "--setsid" in sys.argv:
        os.setsid()  # leaves the launcher's process group (SGLANG_SIM_ESCAPE_PGID=1)
    set_process_name("compile_worker")
    while os.getppid() == parent:
        time.sleep(0.2)


if __name__ == "__main__":
    main()
