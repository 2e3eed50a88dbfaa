#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Types into dom0's shell through the hypervisor's serial console.
#
# usage: console.py LOG TIMEOUT COMMAND...
# Runs COMMAND (scripts/qemu-x86.sh --interactive ...) on a pseudo
# terminal, waits for "dom0-init: shell", types a command that prints
# "console-input-42" and then "poweroff -f". Everything QEMU printed goes
# to LOG. Prints one line: "ok", or "fail: REASON". Exit status is QEMU's
# (124 when TIMEOUT seconds ran out first).
import os
import pty
import select
import signal
import sys
import time


def main():
    log_path, limit, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    deadline = time.time() + limit
    buf = bytearray()

    def wait_for(text, secs):
        end = min(time.time() + secs, deadline)
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            buf.extend(data)
            if text.encode() in buf:
                return True
        return False

    def type_line(text):
        # One character at a time, as a person would; the hypervisor
        # polls the UART.
        for c in text + "\r":
            os.write(fd, c.encode())
            time.sleep(0.02)

    verdict = "ok"
    if not wait_for("dom0-init: shell", 120):
        verdict = "fail: no 'dom0-init: shell' line"
    else:
        time.sleep(1)
        type_line("echo console-input-$((6*7))")
        if not wait_for("console-input-42", 20):
            verdict = "fail: typed 'echo console-input-$((6*7))', " \
                      "no 'console-input-42' came back"
        else:
            type_line("poweroff -f")

    # Let QEMU end by itself (poweroff), else stop it.
    status = None
    end = min(time.time() + 30, deadline)
    while time.time() < end:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(st)
            break
        if not wait_for("\0never\0", 0.5):
            time.sleep(0.2)
    if status is None:
        # pty.fork made the child a session (and group) leader.
        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        status = 124
    try:
        while True:
            data = os.read(fd, 4096)
            if not data:
                break
            buf.extend(data)
    except OSError:
        pass
    with open(log_path, "wb") as f:
        f.write(bytes(buf).replace(b"\r", b""))
    print(verdict, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
