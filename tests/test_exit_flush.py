"""``lawlint`` ends with ``os._exit`` after flushing (cli.run): the last buffered output that cannot
be written then (a full disk) must not end in exit 0 with a silently cut result."""
import os
import subprocess
import sys

import pytest

SCRIPT = ("import lawlint.cli as c, sys; sys.argv = ['lawlint', 'x'];"
          "c.main = lambda: (sys.stdout.write('结果') and 0); c.run()")
BUFFERED = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}   # as users run it


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_output_lost_at_the_last_flush_is_exit_2_with_one_line():
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-c", SCRIPT], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=60, env=BUFFERED)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "无法写完输出" in lines[0], r.stderr


def test_output_flushed_at_the_end_reaches_the_reader():
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60,
                       env=BUFFERED)
    assert (r.returncode, r.stdout, r.stderr) == (0, "结果", "")
