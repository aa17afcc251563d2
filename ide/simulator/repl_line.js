// The friendly REPL's line editor, as a board's (see board.js).
//
// The port's event-driven friendly REPL restarts readline (printing ">>> " again and forgetting a
// half-read escape sequence) after every key that leaves the line empty; a board's REPL
// (rp2, esp32: readline() in a loop) does not. So "a" + Backspace echoed "a\b\x1b[K>>> " and
// Up at an empty prompt echoed "[A". Here the keys that edit are fed with their output
// captured and that extra prompt dropped, and escape sequences on an empty line are handled
// as readline.c does (only Up does something there: it recalls the history).

const PS1 = 0x3e3e3e20; // ">>> " as the last four output bytes

function endsWithPrompt(buf) {
  const n = buf.length;
  return (
    n >= 4 && buf[n - 4] === 0x3e && buf[n - 3] === 0x3e && buf[n - 2] === 0x3e && buf[n - 1] === 0x20
  );
}

// io: feed(b) -> soft reset asked, withCapture(fn) -> Buffer, writeTextRaw(latin1),
// takeByte(deadline) -> byte or -1, tail() -> the last four bytes sent (a number)
export class FriendlyLine {
  constructor(io) {
    this.io = io;
    this.empty = true; // the line is empty (right after ">>> ")
    this.pasteMode = false; // paste mode (Ctrl-E): every byte is data
  }

  // After output that may end with the REPL's prompt (banner, Ctrl-A/B).
  settle(raw) {
    this.empty = !raw && this.io.tail() === PS1;
    this.pasteMode = false;
  }

  // A byte for the friendly REPL (not Ctrl-A/B on an empty line); true: soft reset asked.
  byte(b) {
    const { io } = this;
    if (this.pasteMode) {
      if (b === 3 || b === 4) this.pasteMode = false;
      const reset = io.feed(b);
      this.empty = !this.pasteMode && io.tail() === PS1;
      return reset;
    }
    const ends = b === 13 || b === 10 || b === 3 || b === 4 || (b === 5 && this.empty);
    if (ends) {
      // Enter, Ctrl-C, Ctrl-D, paste mode: may run code, so the output streams
      if (b === 5) this.pasteMode = true;
      const reset = io.feed(b);
      this.empty = !this.pasteMode && io.tail() === PS1;
      return reset;
    }
    if (b === 27 && this.empty) {
      this.escapeOnEmptyLine();
      return false;
    }
    let reset = false;
    let out = io.withCapture(() => {
      reset = io.feed(b);
    });
    // the port's extra prompt: the line is empty now
    this.empty = endsWithPrompt(out);
    if (this.empty) out = out.subarray(0, out.length - 4);
    io.writeTextRaw(out.toString("latin1"));
    return reset;
  }

  // ESC on an empty line: read the rest of the sequence; only Up arrow acts (history recall).
  escapeOnEmptyLine() {
    const { io } = this;
    const soon = () => performance.now() + 100;
    if (io.takeByte(soon()) !== 0x5b) return; // ESC O x, lone ESC: nothing on an empty line
    const c = io.takeByte(soon());
    if (c >= 0x30 && c <= 0x39) {
      io.takeByte(soon()); // ESC [ digit ~ (Home, End, Delete): nothing on an empty line
      return;
    }
    if (c !== 0x41) return; // Down, Left, Right...: nothing on an empty line
    // Up: give the port's readline a one-character line so it keeps its state, then recall
    io.withCapture(() => io.feed(0x78));
    const out = io.withCapture(() => {
      for (const k of [27, 0x5b, 0x41]) io.feed(k);
    });
    if (!out.length) {
      io.withCapture(() => io.feed(8)); // no history: take the "x" back (not the board's output)
      return;
    }
    this.empty = false;
    // the port moved back over the "x" ("\b", maybe "\x1b[K"); from an empty line a board
    // prints only the recalled line
    let start = out[0] === 8 ? 1 : 0;
    if (out[start] === 27 && out[start + 1] === 0x5b && out[start + 2] === 0x4b) start += 3;
    io.writeTextRaw(out.subarray(start).toString("latin1"));
  }
}
