"""Board side of the stream upload (ide.board.transfer_stream): many files, each optionally
deflate-compressed, through one helper call.

``_hotaru_s1.s(P)`` (installed once per boot as ``sys.modules['_hotaru_s1']``; the number
changes with the protocol, so a board still holding an older Hotaru's helper gets the new one),
after ``RDY`` reads frames: one type byte, then (types 0x10-0x12) a 2-byte little-endian length
L <= P and L bytes, or (0x14) exactly P bytes.

    0x14  P raw bytes of the current file (one header byte: incompressible data, over a UART's
          small frames, loses 1 byte a frame to framing instead of 3)
    0x16  the same, not acknowledged: on a fast link the host asks for one acknowledgement
          per several frames (each costs the board an output write and the host a wake-up);
          an acknowledgement then stands for every frame since the last one
    0x10  raw bytes of the current file
    0x11  one complete zlib stream (deflate.ZLIB) holding the next bytes of the current file
    0x12  next file: 4-byte size, 1 flag byte (1: a sha256 follows), [32-byte sha256], path UTF-8
    0x13  end of the stream: ``OK`` printed
    other abort (0 from the host; Ctrl-C/Ctrl-A of a recovering session, which are not frame
          types for that reason): the current temporary file is removed, ``ABORTED`` printed

board -> host: ``\\x06`` for each frame (but 0x16) taken off the input (before it is written,
so the next one flows meanwhile), ``\\x07`` once a file is verified and renamed over its
target (sha256 of the file as written, else its size), ``\\x15`` once after any failure: the
board then reads and drops frames up to the host's abort byte and raises the error. Each file
is written to ``.<name>.hotaru-part`` beside its target first, so a cut leaves every file old
or new.
Ctrl-C is disabled between ``RDY`` and the end (micropython.kbd_intr(-1)), restored in finally.
"""

from __future__ import annotations

from ide.board.helpers import _COMMIT

STREAM = (
    """\
def _hs(P):
 import os,sys,micropython as m
"""
    + _COMMIT
    + """\
 try:import deflate,io
 except ImportError:deflate=None
 i=sys.stdin.buffer;o=sys.stdout.buffer
 b=bytearray(max(P,512));v=memoryview(b);u=None;f=None;t=None;e=None;a=0;q=None
 def rd(n):
  g=0
  while g<n:g+=i.readinto(v[g:n])
 m.kbd_intr(-1)
 try:
  o.write(b'RDY')
  while 1:
   y=i.read(1)
   if not y or not(16<=y[0]<=20 or y[0]==22):
    a=1;break
   y=y[0]
   if y==19:
    o.write(b'\\x06');break
   if y>=20:L=P
   else:h=i.read(2);L=h[0]|h[1]<<8
   rd(L)
   if y!=22:o.write(b'\\x06')
   if e is not None:continue
   try:
    if y==18:
     if f is not None:
      f.close();f=None;rm(t)
     n=int.from_bytes(bytes(v[0:4]),'little');z=bytes(v[5:37]) if b[4] else None
     p=bytes(v[37 if b[4] else 5:L]).decode()
     r=p.rpartition('/');t=r[0]+r[1]+'.'+r[2]+'.hotaru-part'
     rm(t);f=open(t,'wb');k=0;q=p
    elif y!=17:
     f.write(v[:L]);k+=L
    elif y==17:
     if u is None:u=bytearray(1024)
     d=deflate.DeflateIO(io.BytesIO(v[:L]),deflate.ZLIB)
     while 1:
      l=d.readinto(u)
      if not l:break
      f.write(memoryview(u)[:l]);k+=l
    if f is not None and k>=n:
     f.close();f=None
     commit(q,t,n,z,b);t=None
     o.write(b'\\x07')
   except Exception as x:
    e=x;o.write(b'\\x15')
 finally:
  m.kbd_intr(3)
  if f is not None:f.close()
 if t is not None and (e is not None or a):rm(t)
 if e is not None:
  if not a:
   while 1:
    y=i.read(1)
    if not y or not(16<=y[0]<=20 or y[0]==22):break
    if y[0]>=20:rd(P)
    elif y[0]!=19:
     h=i.read(2);rd(h[0]|h[1]<<8)
  raise e
 print('ABORTED' if a else 'OK')
class _hotaru_s1:
 s=_hs
__import__('sys').modules['_hotaru_s1']=_hotaru_s1
del _hs,_hotaru_s1
"""
)

# deflate on the board at all? Asked once when the helper is installed (a firmware without it
# raises ImportError; MicroPython 1.21+ on ESP32 and RP2 have it).
HAS_DEFLATE = """\
def _hz():
 try:
  import deflate;print(hasattr(deflate,'DeflateIO'))
 except ImportError:print(False)
try:_hz()
finally:del _hz
"""

CALL_STREAM = "__import__('_hotaru_s1').s({0})\n"
