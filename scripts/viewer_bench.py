#!/usr/bin/env python3
"""How responsive the viewer page is: opens OUT/index.html (written by `controlmap render`) in
headless Chromium, driven over the DevTools protocol (--remote-debugging-pipe, no extra
packages), and prints as JSON the page's size, the time until its data is unpacked and the first
month shown (inflate, unpack, checkpoints), and the times of slider jumps to months in a fixed
pseudo-random order and of single steps (the → key).

    scripts/viewer_bench.py /tmp/gridout        # CHROMIUM=/path/to/chromium to choose the browser
    scripts/viewer_bench.py /tmp/gridout --states 2012-03,2019-12 --states-out shown.json

With --states, the page then shows each of those months (slider jumps) and writes who holds what
in each, as the page rebuilt it (SVG id to [holder, status]), to the --states-out file: compare
it with `controlmap --json at MONTH`.

Times are wall-clock milliseconds in the browser (performance.now) on this machine, whatever else
it is doing: run it on a quiet machine for figures to compare.
"""

import argparse
import fcntl
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

MEASURE = r"""
new Promise((resolve) => {
  const started = performance.now();
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const round = (x) => Math.round(x * 10) / 10;
  const go = async () => {
    if (!window.controlmap) { setTimeout(go, 20); return; }
    const out = {};
    try {
      await window.controlmap.ready;
      out.ready_ms = round(performance.now());
      const slider = document.getElementById('slider');
      const last = Number(slider.max);
      out.months = last + 1;
      const time = (act) => { const t = performance.now(); act(); return performance.now() - t; };
      const slide = (i) => { slider.value = String(i); slider.dispatchEvent(new Event('input', { bubbles: true })); };
      let seed = 11;
      const jumps = [];
      let most = 0;
      for (let k = 0; k < 40; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const i = seed % (last + 1);
        jumps.push(time(() => slide(i)));
        most = Math.max(most, Object.keys(window.controlmap.shown().places).length);
      }
      out.places_drawn_max = most;
      slide(0);
      const steps = [];
      for (let k = 0; k < Math.min(40, last); k++) {
        steps.push(time(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))));
      }
      out.jump_ms = { median: round(median(jumps)), max: round(Math.max(...jumps)) };
      out.step_ms = { median: round(median(steps)), max: round(Math.max(...steps)) };
    } catch (e) {
      out.error = String((e && e.stack) || e);
    }
    resolve(out);
  };
  go();
})
"""


def on_fds_3_and_4(read_end, write_end):
    """In the child: the pipe ends as fds 3 and 4, where Chromium expects them."""
    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (read_end, write_end)]
    os.dup2(high[0], 3)
    os.dup2(high[1], 4)


class Pipe:
    """The DevTools protocol over Chromium's fds 3 (commands in) and 4 (replies out)."""

    def __init__(self, browser, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        self.child = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--window-size=1400,1000", f"--user-data-dir={profile}", "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=None if os.environ.get("DEBUG") else subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=lambda: on_fds_3_and_4(to_browser_r, from_browser_w),
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0

    def call(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(line)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def close(self):
        try:
            self.call("Browser.close")
        except RuntimeError:
            pass
        self.child.wait(timeout=30)


STATES = r"""
((months) => {
  const out = [];
  for (const month of months) {
    location.hash = '#' + month;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    out.push(window.controlmap.shown());
  }
  return out;
})
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="a folder with index.html written by controlmap render")
    parser.add_argument("--states", help="months to show and record, comma-separated (YYYY-MM)")
    parser.add_argument("--states-out", help="the file the recorded states are written to")
    args = parser.parse_args()
    page = pathlib.Path(args.out) / "index.html"
    if not page.is_file():
        sys.exit(f"no {page}")
    browser = os.environ.get("CHROMIUM") or next(
        (b for b in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if b), None)
    if not browser:
        sys.exit("no chromium found (apt-get install chromium, or set CHROMIUM)")
    with tempfile.TemporaryDirectory() as profile:
        pipe = Pipe(browser, profile)
        try:
            target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            pipe.call("Page.enable", session=session)
            pipe.call("Page.navigate", {"url": page.resolve().as_uri()}, session=session)
            result = pipe.call("Runtime.evaluate", {"expression": MEASURE, "awaitPromise": True,
                                                    "returnByValue": True}, session=session)
            if args.states:
                months = json.dumps(args.states.split(","))
                shown = pipe.call("Runtime.evaluate", {"expression": f"{STATES}({months})",
                                                       "returnByValue": True}, session=session)
                with open(args.states_out or "shown.json", "w", encoding="utf-8") as f:
                    json.dump(shown["result"].get("value"), f)
        finally:
            pipe.close()
    print(json.dumps({"page_bytes": page.stat().st_size, "browser": result["result"].get("value")}))


if __name__ == "__main__":
    main()
