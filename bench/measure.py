#!/usr/bin/env python3
"""Run one command once and print `WALL_NS CPU_NS MAXRSS_KB EXIT_STATUS`.

    measure.py [--stderr FILE] -- CMD [ARG...]

The command's stdout goes to /dev/null and its stderr is appended to FILE
(default /dev/null). Wall time is measured around spawn and wait; CPU time
(user + system) and the peak resident set size come from wait4(2), with
microsecond resolution (GNU time prints only hundredths of a second).
"""

import os
import subprocess
import sys
import time


def main():
    args = sys.argv[1:]
    stderr_path = os.devnull
    if args[:1] == ["--stderr"]:
        stderr_path, args = args[1], args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    with open(os.devnull, "wb") as out, open(stderr_path, "ab") as err:
        start = time.perf_counter_ns()
        proc = subprocess.Popen(args, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter_ns() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = round((usage.ru_utime + usage.ru_stime) * 1e9)
    print(wall, cpu, usage.ru_maxrss, proc.returncode)


if __name__ == "__main__":
    main()
