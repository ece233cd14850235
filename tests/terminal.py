#!/usr/bin/env python3
"""The interface as the real binary runs on a real pseudo-terminal, for what
tmux hides: every byte tenken sends to the terminal, a paste arriving as
fast as the terminal gives it, signals that come while keys are waiting
unread, and the terminal going away.

    terminal.py TENKEN

Prints "ok: ..." or "FAIL: ..." per check and exits 1 if any failed. Every
tenken it starts is killed and reaped before it returns."""

import fcntl
import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import struct
import sys
import tempfile
import termios
import time

TENKEN = os.path.abspath(sys.argv[1])
TMP = tempfile.mkdtemp(prefix="tenken-pty.")
ENV = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LANGUAGE="",
           XDG_DATA_HOME=os.path.join(TMP, "data"), XDG_CONFIG_HOME=os.path.join(TMP, "config"),
           XDG_STATE_HOME=os.path.join(TMP, "state"))
for k in ("VISUAL", "EDITOR", "NO_COLOR"):
    ENV.pop(k, None)
os.makedirs(os.path.join(TMP, "config", "tenken"))
with open(os.path.join(TMP, "config", "tenken", "config"), "w") as f:
    f.write("checklist = fisc-api-2017-trial\nlang = ja\n")

passed = failed = 0
started = []  # every pid started, reaped at the end whatever happens


def ok(name):
    global passed
    passed += 1
    print(f"ok: {name}")


def bad(name, detail=""):
    global failed
    failed += 1
    print(f"FAIL: {name}" + (f": {detail}" if detail else ""))


def check(good, name, detail=""):
    ok(name) if good else bad(name, detail)


class Tenken:
    """tenken on a pseudo-terminal of 80x24. With session=False its terminal
    is not its controlling terminal: closing it sends no SIGHUP, and tenken
    must notice the end of input by itself."""

    def __init__(self, db, session=True, args=(), wrap=()):
        self.out = b""
        argv = [*wrap, TENKEN, "-f", db, *args]
        if session:
            self.pid, self.fd = pty.fork()
            if self.pid == 0:
                os.execvpe(argv[0], argv, ENV)
        else:
            self.fd, slave = os.openpty()
            self.pid = os.fork()
            if self.pid == 0:
                os.setsid()  # no controlling terminal at all
                for n in (0, 1, 2):
                    os.dup2(slave, n)
                os.close(self.fd)
                os.execve(TENKEN, argv, ENV)
            os.close(slave)
        started.append(self.pid)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.status = None
        self.rusage = None
        self.quiet()

    def quiet(self, ms=150, limit=20.0):
        """Reads until the output has been quiet for ms; returns what came."""
        got = b""
        end = time.time() + limit
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], ms / 1000)
            if not r:
                break
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                break
            if not data:
                break
            got += data
        self.out += got
        return got

    def send(self, data, ms=150):
        if isinstance(data, str):
            data = data.encode()
        end = time.time() + 60
        for i in range(0, len(data), 1024):
            while not select.select([], [self.fd], [], 0.05)[1]:
                self.out += self.drain()
                if time.time() > end or os.waitpid(self.pid, os.WNOHANG)[0]:
                    raise RuntimeError("tenken takes no more input:\n" +
                                       self.out[-2000:].decode("utf-8", "replace"))
            os.write(self.fd, data[i:i + 1024])
            self.out += self.drain()
        return self.quiet(ms)

    def drain(self):
        got = b""
        while self.fd >= 0 and select.select([self.fd], [], [], 0)[0]:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                break
            if not data:
                break
            got += data
        return got

    def wait(self, seconds=10):
        """Waits for tenken to end; returns True if it did in time."""
        end = time.time() + seconds
        while time.time() < end:
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.status, self.rusage = status, ru
                started.remove(self.pid)
                return True
            self.drain()
            time.sleep(0.02)
        return False

    def close(self):
        if self.fd >= 0:
            os.close(self.fd)
        self.fd = -1


def reap_all():
    for pid in list(started):
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
        started.remove(pid)


def db(name):
    return os.path.join(TMP, name)


def query(path, sql, *args):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def create(path):
    """Makes an answer file as tenken makes it."""
    import subprocess
    subprocess.run([TENKEN, "-f", path, "set", "60", "--status", "implemented"],
                   env=ENV, check=True, stdout=subprocess.DEVNULL)


def cpu(t):
    return t.rusage.ru_utime + t.rusage.ru_stime


# --- A paste: thousands of keys as fast as the terminal gives them, taken
# in without drawing each, so that it costs about what typing it once does.
# The ceiling is far above what it takes (about 0.7 s of CPU for the largest
# answer, see BENCHMARKS.md), and far below what drawing every key cost
# (22 s for 20,000 characters): it catches the quadratic, not a slow day.
PASTE = "".join("情報資産の廃棄計画 abc-%05d\r" % i for i in range(3000))  # 60,000 characters
path = db("paste.db")
t = Tenken(path)
t.send("\r")  # item 1
t.send("e")   # its first answer column, in the editor
t.send(PASTE, ms=1000)
t.send("\x18")  # Ctrl-X: save
t.send("q")
check(t.wait(20), "paste: tenken ends after the paste is saved")
text = query(path, "SELECT text FROM answer WHERE item = 1")
want = PASTE.replace("\r", "\n")
check(text and text[0][0] == want, "paste: 60,000 characters pasted are saved, every one",
      f"{len(text[0][0]) if text else 0} characters saved")
if t.rusage:
    check(cpu(t) < 15, f"paste: 60,000 characters take {cpu(t):.2f} s of CPU (ceiling 15 s)")

# A paste past the limit of an answer keeps what fits and says so.
path = db("limit.db")
t = Tenken(path)
t.send("\re")
screen = t.send("あ" * 66000, ms=1000)
t.send("\x18")
t.send("q")
t.wait(20)
check("65536" in t.out.decode("utf-8", "replace"), "paste past the limit: the limit is shown")
text = query(path, "SELECT length(text) FROM answer WHERE item = 1")
check(text == [(65536,)], "paste past the limit: the first 65,536 characters are saved", str(text))

# A character cut in two by the network (its first byte in one packet, the
# rest 0.2 s later) arrives whole, and so does every character after it.
path = db("split.db")
t = Tenken(path)
t.send("\re")
for k in range(3):
    os.write(t.fd, "前".encode()[:1])
    time.sleep(0.2)
    os.write(t.fd, "前".encode()[1:] + "後".encode())
    t.quiet()
t.send("\x18")
t.send("q")
t.wait(10)
text = query(path, "SELECT text FROM answer WHERE item = 1")
check(text == [("前後前後前後",)], "a character split between two packets arrives whole", repr(text))

# --- A signal while keys wait unread: they are taken into the draft first.
for sig in (signal.SIGHUP, signal.SIGTERM):
    path = db(f"signal-{sig}.db")
    t = Tenken(path)
    t.send("\re")
    t.send("読んだ文")
    os.kill(t.pid, signal.SIGSTOP)
    os.write(t.fd, "、まだ読まれていない文\rその次の行".encode())
    os.kill(t.pid, sig)
    os.kill(t.pid, signal.SIGCONT)
    check(t.wait(10), f"{signal.Signals(sig).name} with keys unread: tenken ends")
    draft = query(path, "SELECT text FROM draft WHERE item = 1")
    check(draft == [("読んだ文、まだ読まれていない文\nその次の行",)],
          f"{signal.Signals(sig).name} with keys unread: the draft holds every key typed",
          repr(draft))
    t.close()

# --- The terminal goes away: in every view tenken ends at once, with and
# without the hang-up signal, and keeps what was being typed.
VIEWS = [("the list", ""), ("an item", "\r"), ("the editor", "\re下書き"), ("help", "?"),
         ("the status menu", "s"), ("search", "/検索"), ("the export dialog", "x"),
         ("the confirmation", "\re文\x1b")]
for session in (True, False):
    how = "hang-up" if session else "end of input, no signal"
    for name, keys in VIEWS:
        path = db("gone.db")
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(path + suffix)
            except FileNotFoundError:
                pass
        t = Tenken(path, session=session)
        for k in keys:
            t.send(k, ms=50)
        t.quiet()
        t.close()
        gone = t.wait(5)
        check(gone, f"terminal gone ({how}) in {name}: tenken ends within 5 s")
        if not gone:
            reap_all()
        if "下書き" in keys:
            draft = query(path, "SELECT text FROM draft WHERE item = 1")
            check(draft == [("下書き",)], f"terminal gone ({how}) in the editor: the draft is kept",
                  repr(draft))

# --- Nothing hidden reaches the terminal. Answers written by another
# program hold every kind of control and invisible character, and an escape
# sequence that would set the window's title; every byte tenken sends while
# it shows them in the list, the item, the editor, search and help is
# looked at.
HIDDEN = ["\x1b", "\x07", "\x7f", "\x80", "\x9b", "\x9d", "\u061c", "\u200b", "\u200c", "\u200d",
          "\u200e", "\u200f", "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d",
          "\u202e", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"]
path = db("hidden.db")
create(path)
text = "".join(f"前{ch}後 " for ch in HIDDEN) + "\x1b]0;PWNED\x07 \x1b[38;5;201mMAGENTA"
con = sqlite3.connect(path)
con.execute("INSERT OR REPLACE INTO answer (item, field, text, time, user) "
            "VALUES (1, 'current', ?, '2026-01-01T00:00:00Z', 'other')", (text,))
con.commit()
con.close()
t = Tenken(path)
t.send("\rG")    # the item, at its answers
t.send("e")      # the answer in the editor (which drops what it cannot hold)
t.send("\x1b")
t.send("h/後\r")  # the list, search
t.send("?")      # help
t.send("q")
t.wait(10)
out = t.out
check(b"PWNED" in out and b"MAGENTA" in out, "hidden characters: the answer was on the screen")
for ch in HIDDEN:
    name = f"U+{ord(ch):04X}"
    if ch not in "\x1b\x07\x7f":
        check(ch.encode("utf-8") not in out, f"{name} in an answer never reaches the terminal")
    visible = ("^" + chr(ord(ch) ^ 0x40) if ord(ch) < 0x20 or ch == "\x7f" else f"<{name}>")
    check(visible.encode() in out, f"{name} in an answer is shown as {visible}")
check(b"\x1b]" not in out, "an escape sequence in an answer: no operating system command sent")
check(b"\x1b[38;5;201m" not in out, "an escape sequence in an answer: never sent, shown as ^[")

# --- A resize while tenken is busy drawing interrupts no wait for input:
# the last size must still be drawn, with no key after it. Many resizes
# in a row, each a SIGWINCH from the terminal, the last to a size too
# small; then nothing is typed.
t = Tenken(db("resize.db"))
for n in range(300):
    rows, cols = (30, 100) if n % 2 else (24, 80)
    fcntl.ioctl(t.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    t.out += t.drain()
fcntl.ioctl(t.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 8, 30, 0, 0))
end = time.time() + 5
while time.time() < end and b"30x8" not in t.out:
    t.quiet(200, 1.0)
check(b"30x8" in t.out, "a resize while drawing: the last size is drawn, no key needed",
      t.out[-300:].decode("utf-8", "replace"))
t.send("q")
t.wait(10)

# --- One write() per screen update: over SSH each write may be a packet of
# its own. ncurses 6.4 flushes at every cursor move until the screen has
# been through endwin(), tens of writes for a page. strace sees every read
# of a key and every write to the terminal, however fast they come.
if shutil.which("strace"):
    trace = os.path.join(TMP, "writes.trace")
    t = Tenken(db("writes.db"), wrap=("strace", "-qq", "-e", "trace=read,write",
                                       "-e", "signal=none", "-o", trace))
    for key in ("j", "j", "j", "k", "\x06", "b"):
        t.send(key)
    t.send("q")
    t.wait(10)
    writes = []  # the writes after each key read
    with open(trace, errors="replace") as f:
        for line in f:
            if re.match(r'read\(0, ".+", [0-9]+\) += [1-9]', line):
                writes.append(0)
            elif line.startswith("write(1,") and writes:
                writes[-1] += 1
    # Keys that come faster than tenken draws are drawn together: a key
    # may be followed by no write, never by more than one.
    moves = writes[:4]
    check(len(writes) >= 6 and max(moves) == 1 and sum(moves) <= 4,
          "a one-line move is one write() to the terminal", str(writes))
    # A page is one write while it fits curses' buffer (about 2 KB at 80x24).
    check(len(writes) >= 6 and max(writes[4:-1]) <= 2,
          "a page is at most two write()s to the terminal", str(writes))

# --- Drawing costs few bytes besides the text (make bench compares it with
# less). With this terminal's terminfo: a coloured mark is its colour and
# back to the default colour, not also a reset of every attribute (sgr0);
# the commonest mark, unanswered "[ ]", changes no attribute; a section's
# heading is one run of its attribute, its number and name together.
path = db("marks.db")
import subprocess
for n, status in ((1, "implemented"), (2, "partial"), (3, "not-applicable")):
    subprocess.run([TENKEN, "-f", path, "set", str(n), "--status", status],
                   env=ENV, check=True, stdout=subprocess.DEVNULL)
t = Tenken(path)
t.send("\x06")
t.send("q")
t.wait(10)
out = t.out
check(b"[x]\x1b[39m " in out and b"[/]\x1b[39m " in out,
      "a coloured mark is followed by the default colour alone")
check(b"\x1b[39m\x1b(B\x1b[m" not in out, "no attribute reset after a colour",
      repr(out[:600]))
check(re.search(rb"\d \[ \] \xe3", out) is not None and b"m[ ]" not in out,
      "an unanswered mark changes no attribute", repr(out[:600]))
check(re.search(rb"\x1b\[36m1  \xe6", out) is not None,
      "a section heading is one run: number and name together", repr(out[:600]))

reap_all()
os.system(f"rm -rf '{TMP}'")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
