"""Process helpers: naming (like setproctitle) and killing a tree (like kill_process_tree)."""

import os
import signal


def set_process_name(name):
    """Set /proc/self/comm (the kernel keeps 15 bytes, as setproctitle's comm does)."""
    try:
        with open("/proc/self/comm", "w") as f:
            f.write(name[:15])
    except OSError:
        pass


def _children_map():
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may contain spaces or parentheses: parse after the last ')'
        fields = stat[stat.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def descendants(pid):
    children = _children_map()
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def kill_process_tree(pid, include_parent=True):
    """SIGKILL every descendant of `pid`, then `pid` itself when asked (SGLang's behaviour)."""
    for child in descendants(pid):
        try:
            os.kill(child, signal.SIGKILL)
        except OSError:
            pass
    if include_parent:
        os.kill(pid, signal.SIGKILL)
