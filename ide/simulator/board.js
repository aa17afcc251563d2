// The virtual board's CPU: a worker thread running MicroPython's WebAssembly port.
//
// Input arrives through a ring buffer in shared memory (filled by host.js); output leaves
// through another. Python code may block this thread (time.sleep, input(), a busy loop): the
// host thread stays responsive and raises KeyboardInterrupt by writing straight into the
// interpreter's memory, which is a SharedArrayBuffer (see wasm_shared.js).

import { workerData, parentPort, receiveMessageOnPort } from "node:worker_threads";
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { hostFlash } from "./hostflash.js";
import { FriendlyLine } from "./repl_line.js";
import { makeMemoryShared } from "./wasm_shared.js";
import * as L from "./layout.js";

const { ctlBuffer, inBuffer, outBuffer, modulePath, sourceDir, heapSize, control, flashDir } =
  workerData;
const ctl = new Int32Array(ctlBuffer);
const inRing = new Uint8Array(inBuffer);
const outRing = new Uint8Array(outBuffer);

// ---------------------------------------------------------------- wasm loading (cached)

// HOTARU_SIM_TRACE=1: start-up timings (ms since the process started) on stderr
const trace = (label) =>
  process.env.HOTARU_SIM_TRACE && fs.writeSync(2, `${label} ${performance.now().toFixed(1)}\n`);
trace("worker");
const wasmPath = modulePath.replace(/micropython\.mjs$/, "micropython.wasm");
const wasmModule = await WebAssembly.compile(makeMemoryShared(fs.readFileSync(wasmPath)));
const realInstantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (source, imports) =>
  source instanceof WebAssembly.Module
    ? realInstantiate(source, imports)
    : realInstantiate(wasmModule, imports).then((instance) => ({ module: wasmModule, instance }));
const { loadMicroPython } = await import(pathToFileURL(modulePath).href);
// Board-side Python: written into each fresh interpreter's /sim (see newInterpreter)
const boardSources = [
  "board_runtime.py",
  "board_stdio.py",
  "board_modules.py",
  "board_flash.py",
  "board_peripherals.py",
  "board_analog.py",
  "board_machine.py",
  "board_asyncio.py",
  "board_kit.py",
].map((name) => [
  name,
  fs.readFileSync(`${sourceDir}/${name}`, "utf8"),
]);
trace("imported");

// ---------------------------------------------------------------- output

// private copy of ctl[OUT_W]; a worker started after a forced power cycle (host.js,
// restartWorker) goes on from where the one before it stopped
let outWrite = Atomics.load(ctl, L.OUT_W);
let lastByte = 0; // for "\n" -> "\r\n"
let capture = null; // when an array: output is collected instead of sent
// Traceback lines of the runtime's own frames are hidden (HOTARU_SIM_SHOW_ALL=1 keeps them).
const HIDDEN = Buffer.from(process.env.HOTARU_SIM_SHOW_ALL ? "\x00\x00" : '  File "<sim>"');
let lineStart = true;
let held = []; // bytes at a line start that still match HIDDEN
let dropping = false; // inside a hidden traceback line

let rawPutHook = null; // lets rawPaste() drop the raw REPL's "OK"
let tail = 0; // the last four bytes sent, as a number (the friendly REPL's prompt check)

function rawPut(b) {
  if (Atomics.load(ctl, L.POWER)) return; // no power, no output
  if (rawPutHook && rawPutHook(b)) return;
  if (capture) {
    capture.push(b);
    return;
  }
  while (((outWrite - Atomics.load(ctl, L.OUT_R)) & L.IDX_MASK) >= L.OUT_SIZE) {
    publish();
    Atomics.wait(ctl, L.OUT_R, Atomics.load(ctl, L.OUT_R), 50);
  }
  outRing[outWrite & (L.OUT_SIZE - 1)] = b;
  outWrite = (outWrite + 1) & L.IDX_MASK;
  tail = ((tail << 8) | b) >>> 0;
  publish();
}

// Make written bytes visible; wake the host thread if it sleeps. (A message, not
// Atomics.waitAsync: a waitAsync resolution does not always wake Node's event loop.)
function publish() {
  Atomics.store(ctl, L.OUT_W, outWrite);
  if (Atomics.load(ctl, L.HOST_WAITING) && Atomics.exchange(ctl, L.HOST_WAITING, 0)) {
    parentPort.postMessage(OUTPUT_READY);
  }
}
const OUTPUT_READY = 0;

function cookedPut(b) {
  if (b === 10 && lastByte !== 13) rawPut(13);
  rawPut(b);
  lastByte = b;
}

// Text output from the interpreter: line endings as a board sends them, and traceback lines
// that point into the bridge's own Python code ("<sim>") left out.
function textPut(b) {
  if (dropping) {
    if (b === 10) {
      dropping = false;
      lineStart = true;
      lastByte = 10;
    }
    return;
  }
  if (lineStart || held.length) {
    if (b === HIDDEN[held.length]) {
      held.push(b);
      lineStart = false;
      if (held.length === HIDDEN.length) {
        held = [];
        dropping = true;
      }
      return;
    }
    const pending = held;
    held = [];
    for (const p of pending) cookedPut(p);
  }
  cookedPut(b);
  lineStart = b === 10;
}

function writeText(str) {
  for (const b of Buffer.from(str, "utf8")) textPut(b);
}

// ---------------------------------------------------------------- input

// Atomics.wait, flagged BLOCKED meanwhile: a sleeping worker runs due timers and pin handlers
// itself when it wakes, so the host injects no scheduler entry then (host.js, injectService).
function park(index, value, ms) {
  Atomics.store(ctl, L.BLOCKED, 1);
  Atomics.wait(ctl, index, value, ms);
  Atomics.store(ctl, L.BLOCKED, 0);
}

let inRead = Atomics.load(ctl, L.IN_R);

function inAvailable() {
  return (Atomics.load(ctl, L.IN_W) - inRead) & L.IDX_MASK;
}

// Next input byte, or -1 when nothing arrived before `deadline` (performance.now() ms) or an
// interrupt is pending. Bytes the host already turned into a KeyboardInterrupt are skipped.
function takeByte(deadline = Infinity, interruptible = false, stopOnControl = false) {
  for (;;) {
    while (inAvailable()) {
      const pos = inRead;
      const b = inRing[pos & (L.IN_SIZE - 1)];
      inRead = (inRead + 1) & L.IDX_MASK;
      Atomics.store(ctl, L.IN_R, inRead);
      if (Atomics.load(ctl, L.SKIP) === pos) {
        Atomics.store(ctl, L.SKIP, -1);
        continue;
      }
      return b;
    }
    if (interruptible && interruptPending()) return -1;
    if (stopOnControl && pollControl()) return -1;
    if (Atomics.load(ctl, L.POWER)) return -1;
    const left = deadline - performance.now();
    if (left <= 0) return -1;
    publish();
    park(L.IN_W, inRead, Math.min(left, 1e9));
  }
}

// The next input byte without consuming it, or -1 when none arrives before `deadline`.
function peekByte(deadline) {
  for (;;) {
    while (inAvailable()) {
      if (Atomics.load(ctl, L.SKIP) === inRead) {
        Atomics.store(ctl, L.SKIP, -1);
        inRead = (inRead + 1) & L.IDX_MASK;
        Atomics.store(ctl, L.IN_R, inRead);
        continue;
      }
      return inRing[inRead & (L.IN_SIZE - 1)];
    }
    const left = deadline - performance.now();
    if (left <= 0) return -1;
    publish();
    park(L.IN_W, inRead, left);
  }
}

// ---------------------------------------------------------------- interpreter instance

let mp = null;
let heap32 = null;
let addr = null; // interrupt-related word addresses, found once by probing
let raw = false; // REPL mode
let rawLen = 0; // bytes typed into the raw REPL's current command
let resetRequest = null; // "soft" | "hard" set by machine.reset()/soft_reset()
// how this interpreter started ("power", "hard": machine.reset(), "soft") and the last start
// that was not soft: machine.reset_cause() answers from them as each port does
let bootCause = "power";
let lastHardBoot = "power";
let firstBoot = true;
let timers = new Map(); // id -> {deadline, period}
let passStart = 0; // performance.now() when the current pass over due timers began
let pyHooks = null; // callables registered by the runtime

function interruptPending() {
  return heap32 !== null && addr !== null && Atomics.load(heap32, addr.pending >> 2) !== 0;
}

// Static data (where the interpreter's global state lives) sits low in memory, after the
// stack; the probes look there first and at the whole memory only if that fails.
const STATIC_WORDS = (4 << 20) >> 2;

function probeInterruptWords() {
  try {
    return probeInterruptWordsIn(STATIC_WORDS);
  } catch {
    return probeInterruptWordsIn(Infinity);
  }
}

function probeInterruptWordsIn(limit) {
  // Where does mp_sched_keyboard_interrupt() write? Snapshot, call it, compare, restore.
  const m = mp._module;
  const all = new Int32Array(m.HEAPU8.buffer);
  const words = all.subarray(0, Math.min(limit, all.length));
  const before = words.slice();
  m._mp_sched_keyboard_interrupt();
  const changed = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== before[i]) changed.push([i, before[i], words[i]]);
  }
  for (const [i, old] of changed) words[i] = old;
  if (changed.length !== 2) throw new Error(`unexpected interrupt probe result ${changed.length}`);
  // One word now points at the KeyboardInterrupt object (pending exception); the other is the
  // scheduler state (IDLE -> PENDING).
  let pending = null;
  let sched = null;
  for (const c of changed) {
    if (c[1] === 0 && c[2] > 1024) pending = c;
    else sched = c;
  }
  if (!pending || !sched) throw new Error("could not identify interrupt words");
  const kbd = pending[2];
  // Which word of the exception object is traceback_data (set to NULL by the call)?
  const first = kbd >> 2;
  const saved = all.slice(first, first + 6);
  for (let i = 0; i < 6; i++) all[first + i] = 0x5a5a5a5a;
  const pendOld = words[pending[0]];
  const schedOld = words[sched[0]];
  m._mp_sched_keyboard_interrupt();
  let traceback = -1;
  for (let i = 0; i < 6; i++) if (all[first + i] === 0) traceback = (first + i) << 2;
  all.set(saved, first);
  words[pending[0]] = pendOld;
  words[sched[0]] = schedOld;
  if (traceback < 0) throw new Error("could not find traceback_data");
  // The interrupt character (micropython.kbd_intr): the word holding a marker value.
  mp.runPython("import micropython\nmicropython.kbd_intr(0x5a5a5)");
  let intChar = -1;
  try {
    for (let i = 0; i < words.length; i++) {
      if (words[i] === 0x5a5a5) {
        words[i] = 0x1234;
        const hit = m._mp_hal_get_interrupt_char() === 0x1234;
        words[i] = 0x5a5a5;
        if (hit) {
          intChar = i << 2;
          break;
        }
      }
    }
  } finally {
    mp.runPython("micropython.kbd_intr(-1)\ndel micropython");
  }
  if (intChar < 0) throw new Error("could not find the interrupt character");
  return {
    pending: pending[0] << 2,
    kbd,
    sched: sched[0] << 2,
    schedIdle: sched[1],
    schedPending: sched[2],
    traceback,
    intChar,
  };
}

// Where micropython.schedule() puts an entry (py/scheduler.c, py/mpstate.h): sched_queue, an
// array of MICROPY_SCHEDULER_DEPTH (func, arg) pairs of words, and, in the word of
// sched_state (int16, the low half: IDLE 1, PENDING 0, LOCKED < 0), the bytes sched_len
// (byte 2) and sched_idx (byte 3). Found by comparing the memory around the state word
// before and after one micropython.schedule(func, arg): the slot is the changed pair of
// words now holding (func, arg) nearest the state word (the VM's value stack may hold the
// same pair; the queue sits in the interpreter's state, beside the state word), and the state
// word must show exactly IDLE -> PENDING and len 0 -> 1.
// The entry is then taken back out, as if never scheduled.
// {queue, word, idle, pending, locked, depth}; false: not found (then no injection)
let sched = null;
let schedBefore = null;
const SCHED_WINDOW = 4096; // words searched each side of the state word (mp_state_ctx)

function probeSchedQueue(func, arg) {
  const { base, words: before } = schedBefore;
  const now = heap32.subarray(base, base + before.length);
  const word = addr.sched >> 2;
  let slot = -1;
  for (let i = 0; i + 1 < now.length; i++) {
    if (now[i] !== func || now[i + 1] !== arg) continue;
    if (before[i] === func && before[i + 1] === arg) continue;
    if (slot < 0 || Math.abs(base + i - word) < Math.abs(base + slot - word)) slot = i;
  }
  if (slot < 0) throw new Error("no queue slot changed");
  const old = before[word - base];
  const idle = addr.schedIdle & 0xffff;
  const pending = addr.schedPending & 0xffff;
  if ((old & 0xffff) !== idle || ((old >>> 16) & 0xff) !== 0) throw new Error("state not idle");
  if (heap32[word] !== ((old & ~0xffffff) | (1 << 16) | pending)) {
    throw new Error("state word is not state, len, idx");
  }
  const idx = (old >>> 24) & (SCHED_DEPTH - 1);
  const queue = (base + slot - 2 * idx) << 2;
  heap32[base + slot] = before[slot];
  heap32[base + slot + 1] = before[slot + 1];
  heap32[word] = old;
  // locked: MP_SCHED_LOCKED (-1) in the state half
  return { queue, word: addr.sched, idle, pending, locked: 0xffff, depth: SCHED_DEPTH };
}
const SCHED_DEPTH = 4; // MICROPY_SCHEDULER_DEPTH (the port does not change it)
let schedOpen = false; // a handler runs with the scheduler opened (hostApi.sched_open)
let handlers = 0; // Timer/IRQ handlers running (between sched_open and sched_close)

// Whether what runs now is a callback: a Timer/IRQ handler, or an entry the VM's scheduler runs
// (the program's micropython.schedule(): the scheduler is LOCKED meanwhile).
function inCallback() {
  if (handlers > 0) return true;
  if (!sched || !heap32) return false;
  return (Atomics.load(heap32, sched.word >> 2) & 0xffff) === sched.locked;
}

// IDLE or PENDING -> LOCKED, keeping sched_len/sched_idx. Only the host writes the word
// meanwhile (a Ctrl-C: IDLE -> PENDING; it injects nothing while SCHED_WANT is held), hence
// the compare-exchange loop. Below IDLE/PENDING (locked already): left alone.
function relockScheduler() {
  const word = sched.word >> 2;
  for (;;) {
    const w = Atomics.load(heap32, word);
    const state = w & 0xffff;
    if (state !== sched.idle && state !== sched.pending) return;
    if (Atomics.compareExchange(heap32, word, w, (w & ~0xffff) | sched.locked) === w) return;
  }
}

const hostApi = {
  // Blocking read of up to n input bytes into wasm memory at `address`. Returns the count, or
  // 0 on timeout, pending interrupt, or a due timer (the caller loops).
  read(address, n, timeoutMs) {
    const deadline = Math.min(performance.now() + (timeoutMs < 0 ? 1e9 : timeoutMs), nextTimer());
    const first = takeByte(deadline, true, true);
    if (first < 0) return 0;
    const heap = mp._module.HEAPU8;
    heap[address] = first;
    let count = 1;
    while (count < n && inAvailable()) {
      const b = takeByte(0);
      if (b < 0) break;
      heap[address + count++] = b;
    }
    return count;
  },
  // Input bytes waiting (sys.stdin.buffer's poll), waiting up to timeoutMs for the first.
  // Not when a handler is due: a poll loop then runs on, and the host injects the service.
  available(timeoutMs) {
    if (!inAvailable() && timeoutMs > 0 && !hostApi.due()) {
      publish();
      park(L.IN_W, inRead, timeoutMs);
    }
    return inAvailable();
  },
  // Raw output (sys.stdout.buffer): no line-ending conversion.
  write(address, n) {
    const bytes = mp._module.HEAPU8.subarray(address, address + n);
    for (let i = 0; i < n; i++) rawPut(bytes[i]);
    endedWith(n ? bytes[n - 1] : lastByte);
    return n;
  },
  // Sleep without burning a core; returns 1 early when a timer is due or a pin changed, 0
  // otherwise. `inHandler`: the sleep is inside a handler, which nothing interrupts (a board
  // runs no handler inside another), so it sleeps its whole time.
  wait(ms, inHandler = 0) {
    publish();
    const end = performance.now() + ms;
    for (;;) {
      const now = performance.now();
      if (interruptPending()) return 0;
      const due = inHandler ? Infinity : nextTimer();
      if (!inHandler && (due <= now || pollControl())) return 1;
      const until = Math.min(end, due);
      if (until <= now) return 0;
      park(L.WAKE, Atomics.load(ctl, L.WAKE), until - now);
    }
  },
  // Level the host put on an input pin (VirtualBoard.set_pin), or -1 when it set none.
  pin_input(name) {
    pollControl();
    const v = pinInputs.get(String(name));
    return v === undefined ? -1 : v;
  },
  // Names of pins whose input level the host changed since the last call, comma-separated.
  pin_changes() {
    pollControl();
    const names = [...changedPins].join(",");
    changedPins.clear();
    // the host stops injecting for these changes (host.js, serviceWanted)
    Atomics.store(ctl, L.PINS_SEEN, pinCommands);
    return names;
  },
  pwm(name, fraction) {
    const t = performance.timeOrigin + performance.now();
    parentPort.postMessage({ pwm: String(name), value: fraction, t });
  },
  pin(name, value) {
    const t = performance.timeOrigin + performance.now();
    parentPort.postMessage({ pin: String(name), value, t });
    return hostApi.due();
  },
  // 1 when a timer is due or the host changed an input pin: a busy loop that touches pins or
  // reads the clock runs the handlers then (board_runtime.py, _service), as a board would.
  due() {
    return nextTimer() <= performance.now() || pollControl() ? 1 : 0;
  },
  // Which board this one pretends to be: "pico", "esp32", or "" (the generic virtual board).
  board() {
    return BOARD;
  },
  // "<this start>,<the last start that was not soft>": "power", "hard" (machine.reset()), "soft"
  boot_cause() {
    return bootCause + "," + lastHardBoot;
  },
  // 1 in the raw REPL (a tool's exec), 0 at the friendly prompt: an ESP32 mutes ESP-IDF's log
  // lines in the raw REPL (ports/esp32/main.c), so its simulated ones follow suit.
  raw_repl() {
    return raw ? 1 : 0;
  },
  // A value the host gave a part (VirtualBoard.set_input: "adc:26", "dht:t", ...), or -1.
  input(key) {
    pollControl();
    const v = partInputs.get(String(key));
    return v === undefined ? -1 : v;
  },
  // A part's state for the board view (VirtualBoard.parts): JSON text of any value.
  part(key, json) {
    const t = performance.timeOrigin + performance.now();
    parentPort.postMessage({ part: String(key), value: JSON.parse(json), t });
  },
  timer_start(id, periodMs, periodic) {
    const deadline = performance.now() + Math.max(periodMs, 1);
    timers.set(id, { deadline, period: periodic ? Math.max(periodMs, 1) : 0 });
    publishDeadline();
  },
  timer_stop(id) {
    timers.delete(id);
    publishDeadline();
  },
  // Id of a timer whose deadline passed (rescheduled when periodic), or -1. `first`: a new
  // pass over the timers begins; until the next one, only deadlines passed by its start count,
  // so each timer runs once a pass and the program runs between passes even when a handler
  // takes longer than its period (as on a board, where such ticks are lost).
  timer_due(first = 1) {
    // the power is cut: no handler runs any more, so the next KeyboardInterrupt the power
    // switch writes lands in the program (not in a handler that would swallow it)
    if (Atomics.load(ctl, L.POWER)) return -1;
    if (first) passStart = performance.now();
    const now = passStart;
    for (const [id, t] of timers) {
      if (t.deadline <= now) {
        // periodic: keeps its phase; a whole period late, the missed ticks are dropped
        if (t.period) {
          const next = t.deadline + t.period;
          t.deadline = next > now ? next : now + t.period;
        } else {
          timers.delete(id);
        }
        publishDeadline();
        return id;
      }
    }
    return -1;
  },
  // The runtime's start-up finds where the scheduler keeps its queue (the first interpreter
  // only): sched_probe_start() (1: probe now), micropython.schedule(f, a), then
  // sched_ready(id(f), id(a)) with no jump between them (a jump would run the entry). In
  // every interpreter sched_ready publishes f, the entry the host injects.
  sched_probe_start() {
    if (sched !== null || !addr) return 0;
    const base = Math.max(0, (addr.sched >> 2) - SCHED_WINDOW);
    schedBefore = { base, words: heap32.slice(base, base + 2 * SCHED_WINDOW) };
    return 1;
  },
  sched_ready(func, arg) {
    if (schedBefore) {
      try {
        sched = probeSchedQueue(func, arg);
      } catch (e) {
        // busy loops then run no handlers (as before); said on stderr for a bug report
        fs.writeSync(2, `board: no scheduler injection: ${e.message}\n`);
        sched = false;
      }
      schedBefore = null;
    }
    if (!sched) return;
    parentPort.postMessage({ sched });
    Atomics.store(ctl, L.SCHED_ARG, arg);
    Atomics.store(ctl, L.SCHED_FUNC, func);
  },
  // Around the program's micropython.schedule() (board_runtime.py, _schedule): the VM's queue
  // writes are not atomic, so the host's injection must not run meanwhile. Each side raises
  // its flag and then reads the other's (sequentially consistent atomics: at least one sees
  // the other); the host backs off, this side waits out the host's few instructions.
  // SCHED_WANT counts (a handler's open scheduler holds it too: sched_open); inside a handler
  // run with the scheduler open, the program's entry must wait for the handler's end, as on a
  // board: the scheduler is locked again first (an interrupt then waits for the handler's end).
  sched_enter() {
    Atomics.add(ctl, L.SCHED_WANT, 1);
    while (Atomics.load(ctl, L.SCHED_BUSY)) {
      // the host is between claiming the queue and writing its entry: nanoseconds
    }
    if (schedOpen) {
      schedOpen = false;
      relockScheduler();
    }
  },
  sched_leave() {
    Atomics.sub(ctl, L.SCHED_WANT, 1);
  },
  // Around the handlers the injected entry runs (board_runtime.py, _scheduled). The VM runs an
  // entry with the scheduler LOCKED, and this build (no threads) looks only at the scheduler
  // state at jumps, so a Ctrl-C would wait for the handler's end: a handler that never ends
  // could not be stopped. rp2/esp32 (threaded builds) also look at the pending exception and
  // raise it inside the handler. So the scheduler is opened (LOCKED -> IDLE, or PENDING when a
  // Ctrl-C already waits) for the handlers' time: a Ctrl-C then lands in the handler, as on a
  // board. SCHED_WANT is held meanwhile, so the host injects nothing into the open queue (a
  // service inside the service), and only an empty queue is opened (the program's own entries
  // would run inside the handler). sched_close always follows (it gives SCHED_WANT back).
  sched_open() {
    handlers++;
    Atomics.add(ctl, L.SCHED_WANT, 1);
    while (Atomics.load(ctl, L.SCHED_BUSY)) {
      // as in sched_enter
    }
    if (!sched || !heap32) return;
    const word = sched.word >> 2;
    for (;;) {
      const w = Atomics.load(heap32, word);
      // LOCKED (the VM's lock around this entry), nothing queued behind it
      if ((w & 0xffff) !== sched.locked || ((w >>> 16) & 0xff) !== 0) break;
      const state = interruptPending() ? sched.pending : sched.idle;
      if (Atomics.compareExchange(heap32, word, w, (w & ~0xffff) | state) === w) {
        schedOpen = true;
        // a Ctrl-C written between the check and the exchange found the state LOCKED and
        // left it to the unlock: make it pending now
        if (interruptPending()) {
          const open = (w & ~0xffff) | sched.idle;
          Atomics.compareExchange(heap32, word, open, (w & ~0xffff) | sched.pending);
        }
        return;
      }
    }
  },
  // LOCKED again before the entry returns to the VM's mp_sched_run_pending (its unlock
  // expects it; a Ctrl-C still pending is then raised in the program, as mp_sched_unlock sees
  // the pending exception). Called first thing in a `finally:`: no jump (where the VM would
  // raise or run entries) between the handlers' end and this.
  sched_close() {
    if (handlers > 0) handlers--;
    if (schedOpen) {
      schedOpen = false;
      relockScheduler();
    }
    Atomics.sub(ctl, L.SCHED_WANT, 1);
  },
  // machine.reset() / soft_reset(): the runtime raises SystemExit next, which ends the program
  // and the reset follows. Inside a callback the scheduler prints that SystemExit and the
  // program goes on (as a board does for soft_reset()); but a board's machine.reset() resets
  // there too, at once: so a hard reset inside a callback cuts the power instead (output
  // dropped from now on, the host stops the program and restarts the board, as from power-on).
  request_reset(kind) {
    resetRequest = kind;
    if (kind === "hard" && inCallback()) {
      Atomics.store(ctl, L.POWER, 1);
      parentPort.postMessage({ power: true });
    }
  },
  power_off() {
    return Atomics.load(ctl, L.POWER);
  },
  register(runTimers, runFile, bootWindow) {
    pyHooks = { runTimers, runFile, bootWindow };
  },
  // The flash VFS (board_flash.py) reports changes; the host folder follows (hostflash).
  dirty(path) {
    host.dirty(path);
  },
  sync(path) {
    host.sync(path);
  },
  rename(oldPath, newPath) {
    host.rename(oldPath, newPath);
  },
};

// Messages from the host (VirtualBoard.set_pin), read synchronously: this thread may be busy.
const pinInputs = new Map();
let pinCommands = 0; // pin commands received (PINS_SEEN takes it when the handlers look)
const changedPins = new Set();
const partInputs = new Map();
const BOARD = ["pico", "esp32"].includes(process.env.HOTARU_SIM_BOARD)
  ? process.env.HOTARU_SIM_BOARD
  : "";

function pollControl() {
  for (;;) {
    const m = receiveMessageOnPort(control);
    if (!m) break;
    const msg = m.message;
    if (msg.pin !== undefined) {
      pinCommands++;
      pinInputs.set(String(msg.pin), msg.value ? 1 : 0);
      changedPins.add(String(msg.pin));
    } else if (msg.input !== undefined) {
      partInputs.set(String(msg.input), Number(msg.value));
    }
  }
  return changedPins.size > 0;
}

// Tell the host when the next timer is due (in ms from now; null: none), so it can inject the
// runtime's service into a busy loop then (host.js, armDeadline). Relative, because the two
// threads' clocks start at different moments; the message's delay makes it late, never early.
let publishedDeadline = Infinity;

function publishDeadline() {
  const next = nextTimer();
  if (next === publishedDeadline) return;
  publishedDeadline = next;
  parentPort.postMessage({ deadline: next === Infinity ? null : next - performance.now() });
}

function nextTimer() {
  let next = Infinity;
  for (const t of timers.values()) next = Math.min(next, t.deadline);
  return next;
}

function stdinChar() {
  // Fallback for C-level reads of fd 0 (open('/dev/stdin') and the like).
  const b = takeByte(Infinity, true);
  return b < 0 ? null : b;
}

const host = hostFlash(flashDir, () => mp.FS); // the host folder that keeps the files

async function newInterpreter(files) {
  // the old interpreter's memory is dropped: the host injects nothing until the new one's
  // runtime publishes its entry (sched_ready), and only into the memory of this generation
  Atomics.store(ctl, L.SCHED_FUNC, 0);
  Atomics.store(ctl, L.SCHED_WANT, 0); // a handler cut short by the reset holds it no more
  schedOpen = false;
  handlers = 0;
  const gen = Atomics.add(ctl, L.GEN, 1) + 1;
  timers = new Map();
  publishDeadline();
  resetRequest = null;
  mp = await loadMicroPython({
    stdout: (b) => textPut(b[0]),
    stderr: (b) => textPut(b[0]),
    stdin: stdinChar,
    linebuffer: false,
    heapsize: heapSize,
  });
  heap32 = new Int32Array(mp._module.HEAPU8.buffer);
  trace("loaded");
  if (addr === null) addr = probeInterruptWords();
  trace("probed");
  parentPort.postMessage({ memory: mp._module.HEAPU8.buffer, addr, gen });
  const FS = mp.FS;
  FS.mkdir("/flash");
  FS.mkdir("/sim");
  FS.mkdir("/ram"); // RAM disks (os.VfsFat.mkfs on a block device; see board_flash.py)
  if (files) restoreTree(FS, "/flash", files);
  else host.load();
  for (const [name, source] of boardSources) FS.writeFile(`/sim/${name}`, source);
  mp.registerJsModule("_simhost", hostApi);
  mp.runPython(
    "exec(compile(open('/sim/board_runtime.py').read(), '<sim>', 'exec'), {'__name__': '_sim'})",
  );
  trace("runtime");
  // the power switch's KeyboardInterrupts may land from now on (one in the runtime's own
  // start would fail the worker: host.js waits for this)
  parentPort.postMessage({ runtime: gen });
}

function saveTree(FS, dir) {
  const out = [];
  for (const name of FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = `${dir}/${name}`;
    const st = FS.stat(path);
    if (FS.isDir(st.mode)) out.push({ name, children: saveTree(FS, path) });
    else out.push({ name, data: FS.readFile(path) });
  }
  return out;
}

function restoreTree(FS, dir, entries) {
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.children) {
      FS.mkdir(path);
      restoreTree(FS, path, e.children);
    } else {
      FS.writeFile(path, e.data);
    }
  }
}

function runFile(name) {
  // boot.py / main.py, as a board runs them after a reset.
  if (!pyHooks) return false;
  try {
    return pyHooks.runFile(name) === 1; // 1: it asked for a reset (sys.exit, machine.reset)
  } catch {
    // a Ctrl-C of a burst (or the power switch) landed outside the file's own try: the file
    // was stopped before it began, as a pending interrupt stops it on a board
    return false;
  }
}

function withCapture(fn) {
  const saved = capture;
  capture = [];
  try {
    fn();
    return Buffer.from(capture);
  } finally {
    capture = saved;
  }
}

// The machine name each board reports (banner, os.uname().machine; board_runtime.py agrees).
const MACHINES = {
  pico: "; Raspberry Pi Pico with RP2040 (Hotaru virtual board)",
  esp32: "; ESP32 DevKit with ESP32 (Hotaru virtual board)",
  "": "; Hotaru virtual board with WebAssembly",
};

function bannerFix(buf) {
  const ours = MACHINES[BOARD];
  return buf.toString("latin1").replace("; JS with Emscripten", ours);
}

// Power back on: input that arrived while it was off is gone, as on a real UART.
function powerRestored() {
  inRead = Atomics.load(ctl, L.IN_W);
  Atomics.store(ctl, L.IN_R, inRead);
  Atomics.store(ctl, L.SKIP, -1);
  Atomics.store(ctl, L.POWER, 0);
}

// `cold`: after a power cycle or a hard reset a board takes a while before boot.py (its boot
// loader, then MicroPython's start-up); Ctrl-C arriving then stops the first file at once.
async function boot(files, keepRaw, cold = false) {
  for (;;) {
    bootCause = firstBoot ? "power" : !cold ? "soft" : resetRequest === "hard" ? "hard" : "power";
    if (bootCause !== "soft") lastHardBoot = bootCause;
    firstBoot = false;
    await newInterpreter(files);
    if (cold && pyHooks && pyHooks.bootWindow) {
      try {
        pyHooks.bootWindow();
      } catch {
        // a Ctrl-C of a burst landed as the window closed (before kbd_intr(-1)): it was caught
      }
    }
    let again = Atomics.load(ctl, L.POWER) ? false : runFile("boot.py");
    if (!again && !keepRaw && !Atomics.load(ctl, L.POWER)) again = runFile("main.py");
    if (Atomics.load(ctl, L.POWER)) {
      files = saveTree(mp.FS, "/flash"); // the flash keeps its files through a power cycle
      powerRestored();
      keepRaw = false;
      cold = true;
      continue;
    }
    if (again) {
      host.syncOpenWriters();
      files = saveTree(mp.FS, "/flash");
      writeText("MPY: soft reboot\n");
      if (resetRequest === "hard") {
        keepRaw = false;
        cold = true;
      }
      continue;
    }
    break;
  }
  const banner = withCapture(() => {
    mp.replInit();
    if (keepRaw) mp.replProcessChar(1);
  });
  if (keepRaw) writeTextRaw("raw REPL; CTRL-B to exit\r\n>");
  else writeTextRaw(bannerFix(banner));
  raw = keepRaw;
  rawLen = 0;
  line.settle(keepRaw);
}

function writeTextRaw(latin1) {
  for (const b of Buffer.from(latin1, "latin1")) rawPut(b);
  endedWith(latin1.length ? latin1.charCodeAt(latin1.length - 1) : lastByte);
}

// After raw output: the text line-ending and traceback filters continue from its last byte.
function endedWith(last) {
  lastByte = last;
  lineStart = last === 10;
}

async function softReset() {
  host.syncOpenWriters(); // a board closes open files at a soft reset: their data is kept
  const files = saveTree(mp.FS, "/flash");
  const hard = resetRequest === "hard";
  const keepRaw = raw && !hard;
  writeText("MPY: soft reboot\n");
  await boot(files, keepRaw, hard);
}

async function powerOn() {
  const files = saveTree(mp.FS, "/flash");
  powerRestored();
  await boot(files, false, true);
}

// Feed one byte to the interpreter's REPL; returns true when it asked for a soft reset.
function feed(b) {
  return (mp.replProcessChar(b) & 0x100) !== 0;
}

const PASTE_WINDOW = 128;

// Raw-paste mode, spoken by the bridge because the port's own version waits on stdin forever.
// Bytes as pyexec.c sends them: "R\x01", the window size (little-endian), "\x01" (a second
// window is free), one "\x01" per window consumed, "\x04" at the end of the data.
function rawPaste() {
  writeTextRaw("R\x01");
  rawPut(PASTE_WINDOW & 0xff);
  rawPut(PASTE_WINDOW >> 8);
  rawPut(1);
  const code = [];
  let windowLeft = PASTE_WINDOW;
  for (;;) {
    const b = takeByte();
    if (b === 4) break;
    if (b === 3) {
      // Ctrl-C in the data: a board's reader says "end" and raises KeyboardInterrupt while
      // compiling (no traceback: it has none); the raw REPL then prompts again
      writeTextRaw("\x04\x04KeyboardInterrupt: \r\n\x04>");
      return false;
    }
    code.push(b);
    if (--windowLeft === 0) {
      rawPut(1);
      windowLeft = PASTE_WINDOW;
    }
  }
  rawPut(4); // end of data acknowledged; compilation and execution follow
  if (code.length === 0) {
    writeTextRaw("\x04\x04>");
    return false;
  }
  for (const c of code) {
    if (c > 5) mp.replProcessChar(c); // control bytes would steer the raw REPL
  }
  // The raw REPL answers "OK" before running; a raw-paste client does not expect it.
  let skip = 2;
  rawPutHook = (b) => {
    if (skip > 0 && b === (skip === 2 ? 0x4f : 0x4b)) {
      skip--;
      return true;
    }
    skip = 0;
    return false;
  };
  try {
    return feed(4);
  } finally {
    rawPutHook = null;
  }
}

// The friendly REPL's line editing, as a board's (repl_line.js explains why)
const line = new FriendlyLine({ feed, withCapture, writeTextRaw, takeByte, tail: () => tail });

async function replLoop() {
  for (;;) {
    if (host.hasOpenWriters() && !inAvailable()) host.syncOpenWriters();
    const due = nextTimer();
    const b = takeByte(due, false, true);
    if (Atomics.load(ctl, L.POWER)) {
      await powerOn();
      continue;
    }
    if (b < 0) {
      if ((due <= performance.now() || pollControl()) && pyHooks) {
        pyHooks.runTimers();
        if (resetRequest) await softReset();
      }
      continue;
    }
    let reset = false;
    if (!raw && line.pasteMode) {
      reset = line.byte(b); // paste mode: every byte but Ctrl-C/Ctrl-D is data
    } else if (b === 2) {
      // Ctrl-B, at the friendly prompt or in the raw REPL (which it leaves), prints the banner
      // again: name the virtual board in it
      const out = withCapture(() => {
        reset = feed(b);
      });
      writeTextRaw(bannerFix(out));
      raw = false;
      line.settle(raw);
    } else if (!raw) {
      if (b === 1) {
        // Ctrl-A: does the REPL switch to raw mode? (only on an empty line)
        const out = withCapture(() => {
          reset = feed(b);
        });
        writeTextRaw(out.toString("latin1"));
        if (out.includes("raw REPL")) {
          raw = true;
          rawLen = 0;
        }
        line.settle(raw);
      } else {
        reset = line.byte(b);
      }
    } else if (b === 5 && rawLen === 0) {
      if (peekByte(performance.now() + 1000) === 0x41) {
        takeByte();
        if (peekByte(performance.now() + 1000) === 1) {
          takeByte();
          reset = rawPaste();
        } else {
          reset = feed(0x41); // not raw-paste: the Ctrl-E is dropped (the port would hang on it)
          rawLen = 1;
        }
      }
      // a lone Ctrl-E is dropped too
    } else if (b === 1 || b === 3 || b === 4) {
      reset = feed(b);
      rawLen = 0;
    } else {
      reset = feed(b);
      rawLen++;
    }
    if (Atomics.load(ctl, L.POWER)) await powerOn();
    else if (reset || resetRequest) await softReset();
  }
}

if (workerData.restarted) {
  // the host cut the power of a worker that did not stop (host.js, restartWorker): boot as
  // from power-on, the files from the host folder
  powerRestored();
  await boot(null, false, true);
} else {
  await boot(null, false);
}
parentPort.postMessage({ ready: true }); // (again after a restart: the host's start may wait)
await replLoop();
