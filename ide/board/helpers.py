"""Board-side Python snippets, sent through the raw REPL.

Every path is inserted with repr() by :func:`call`; nothing from the user is ever formatted into
code any other way. Each snippet defines one function, calls it and deletes it, so the user's
globals at the friendly prompt are left as they were.

Protocol bytes of the fast transfer helpers (host <-> board, after the helper started):

upload  ``_hw(path, tmp, size, chunk, sha)``
    board -> host: ``RDY`` once the temporary file is open and Ctrl-C is disabled.
    host -> board: repeated ``\\x01`` + chunk (``chunk`` bytes, the last one shorter), at most
    a window not yet acknowledged (ide.board.transfer_window); ``\\x00`` instead of ``\\x01``
    aborts (cancel, recovery).
    board -> host: ``\\x06`` for every chunk taken off the input, or ``\\x15`` once after a write
    error, after which the host sends ``\\x00`` and the board drains up to it.
    Then the board verifies (sha256 re-read of the temporary file, else size), renames over the
    target and prints ``OK``; any failure removes the temporary file and raises.
    micropython.kbd_intr(-1) is in force only between ``RDY`` and the last chunk; it is restored
    in ``finally``.

download ``_hr(path, chunk)``
    board -> host: ``<size>\\n``, then exactly ``size`` raw bytes, then ``\\n<sha256 hex or ->\\n``.
    A file that got shorter while it was read is padded with zeros up to ``size`` and ends with
    ``\\n!\\n``, which matches no digest: the host raises VerifyFailed.
"""

from __future__ import annotations

PROBE = """\
def _hp():
 import sys
 try:
  import micropython as m;k=hasattr(m,'kbd_intr')
 except ImportError:k=False
 try:
  import hashlib;h=hasattr(hashlib,'sha256')
 except ImportError:h=False
 try:import os
 except ImportError:import uos as os
 try:u=tuple(os.uname())
 except Exception:u=()
 f=hasattr(sys.stdin,'buffer') and hasattr(sys.stdout,'buffer')
 t=sys.modules.pop('_hotaru_part',None)
 o=globals().pop('_hf',None)
 if o is not None:
  try:o.close()
  except Exception:pass
 if t:
  try:os.remove(t)
  except OSError:pass
 print(repr((f,k,h,u,sys.platform,sys.version)))
try:_hp()
finally:del _hp
"""

# One record per entry: "D" or "F", the size, repr() of the name, NUL. repr() escapes quotes,
# backslashes and control characters, so a name with a newline or "\r" (which the board's stdout
# would turn into "\r\n") comes back intact, and no NUL can be part of a record; see
# ide.board.listing for the host side.
LISTDIR = """\
def _hl(p):
 import os,sys
 q=p.rstrip('/');w=sys.stdout.write
 for e in os.ilistdir(p):
  n=e[0];d=e[1]==0x4000
  if d:s=0
  elif len(e)>3 and e[3]>=0:s=e[3]
  else:
   try:s=os.stat(q+'/'+n)[6]
   except OSError:s=-1
  w('DF'[not d]+str(s)+repr(n)+'\\0')
try:_hl({0})
finally:del _hl
"""

STAT = """\
def _hs(p):
 import os
 try:s=os.stat(p)
 except OSError:
  print('None');return
 print(repr((s[0]&0x4000!=0,s[6])))
try:_hs({0})
finally:del _hs
"""

MKDIR = """\
def _hm(p,a):
 import os
 if a:
  q='/' if p.startswith('/') else ''
  for x in p.split('/'):
   if not x:continue
   q=q+x if q in('','/') else q+'/'+x
   try:os.mkdir(q)
   except OSError as e:
    if e.args[0]!=17:raise
 else:os.mkdir(p)
try:_hm({0},{1})
finally:del _hm
"""

REMOVE = """\
def _hr(p):
 import os
 os.remove(p)
try:_hr({0})
finally:del _hr
"""

RMTREE = """\
def _ht(p):
 import os
 def t(p):
  if os.stat(p)[0]&0x4000:
   for e in list(os.ilistdir(p)):t(p.rstrip('/')+'/'+e[0])
   os.rmdir(p)
  else:os.remove(p)
 t(p)
try:_ht({0})
finally:del _ht
"""

RENAME = """\
def _hn(a,b):
 import os
 os.rename(a,b)
try:_hn({0},{1})
finally:del _hn
"""

DISK = """\
def _hd(p):
 import os
 s=os.statvfs(p)
 print(repr((s[0]*s[2],s[0]*(s[2]-s[3]),s[0]*s[3])))
try:_hd({0})
finally:del _hd
"""

# Hex sha256 of each file of a list (None where hashlib is missing or the file can't be read),
# as one repr()'d list: the Files pane's "is it the same file?" check, one round trip per batch.
HASHES = """\
def _hh(ps):
 try:
  import hashlib,binascii
 except ImportError:
  print(repr([None]*len(ps)));return
 r=[]
 for p in ps:
  h=hashlib.sha256()
  try:
   f=open(p,'rb')
  except OSError:
   r.append(None);continue
  with f:
   while True:
    b=f.read(1024)
    if not b:break
    h.update(b)
  r.append(binascii.hexlify(h.digest()).decode())
 print(repr(r))
try:_hh({0})
finally:del _hh
"""

# Board-side pieces shared by the upload snippets below, pasted in as nested functions of the
# snippet's one function (which has imported os), so each is written once here.
# rm(x): remove x if it is there.
_RM = """\
 def rm(x):
  try:os.remove(x)
  except OSError:pass
"""
# commit(p,t,n,z,b): verify the temporary file t (sha256 z, read through the bytearray b; else
# only the size n), then rename it over p. Any failure removes t and raises.
_COMMIT = (
    _RM
    + """\
 def commit(p,t,n,z,b):
  try:
   if z:
    import hashlib;g=hashlib.sha256();v=memoryview(b)
    with open(t,'rb') as f:
     while 1:
      l=f.readinto(b)
      if not l:break
      g.update(v[:l])
    if g.digest()!=z:raise ValueError('hotaru: hash mismatch')
   if os.stat(t)[6]!=n:raise ValueError('hotaru: size mismatch')
   try:os.rename(t,p)
   except OSError:
    rm(p);os.rename(t,p)
  except:
   rm(t);raise
"""
)

# Fast upload: see the module docstring for the byte protocol.
UPLOAD_FAST = (
    """\
def _hw(p,t,n,c,z):
 import os,sys,micropython as m
"""
    + _COMMIT
    + """\
 rm(t)
 i=sys.stdin.buffer;o=sys.stdout.buffer
 b=bytearray(c);v=memoryview(b);k=0;e=None;a=0
 f=open(t,'wb')
 try:
  m.kbd_intr(-1)
  o.write(b'RDY')
  while k<n:
   h=i.read(1)
   if not h or h[0]==0:
    a=1;break
   l=min(c,n-k);g=0
   while g<l:g+=i.readinto(v[g:l])
   k+=l
   if e is None:
    o.write(b'\\x06')
    try:f.write(v[:l])
    except Exception as x:
     e=x;o.write(b'\\x15')
 finally:
  m.kbd_intr(3)
  f.close()
 if e is not None and not a:i.read(1)
 if e is None and not a:
  commit(p,t,n,z,b)
  print('OK')
 else:
  rm(t)
  if e is not None:raise e
  print('ABORTED')
"""
)

DOWNLOAD_FAST = """\
def _hr(p,c):
 import os,sys
 n=os.stat(p)[6]
 try:
  import hashlib;g=hashlib.sha256()
 except ImportError:g=None
 o=sys.stdout.buffer;b=bytearray(c);v=memoryview(b);k=0;s=0
 o.write(str(n).encode()+b'\\n')
 with open(p,'rb') as f:
  while k<n:
   l=f.readinto(b)
   if not l:
    l=min(c,n-k);s=1
    for j in range(l):b[j]=0
   if k+l>n:l=n-k
   o.write(v[:l])
   if g:g.update(v[:l])
   k+=l
 if s:o.write(b'\\n!\\n')
 elif g:
  import binascii;o.write(b'\\n'+binascii.hexlify(g.digest())+b'\\n')
 else:o.write(b'\\n-\\n')
"""

# The fast helpers live on the board between transfers in a module-like object registered in
# sys.modules, not in the user's globals: INSTALL once (per boot), then CALL_* per transfer.
INSTALL = (
    UPLOAD_FAST
    + DOWNLOAD_FAST
    + """\
class _hotaru:
 w=_hw
 r=_hr
__import__('sys').modules['_hotaru']=_hotaru
del _hw,_hr,_hotaru
"""
)
CALL_UPLOAD = "__import__('_hotaru').w({0},{1},{2},{3},{4})\n"
CALL_DOWNLOAD = "__import__('_hotaru').r({0},{1})\n"

# Portable path: text-only stdout (base64 lines) down, bytes literals up.
DOWNLOAD_PORTABLE = """\
def _hr(p,c):
 import os
 try:import binascii as a
 except ImportError:a=None
 print(os.stat(p)[6])
 with open(p,'rb') as f:
  while 1:
   b=f.read(c)
   if not b:break
   print(a.b2a_base64(b).decode().strip() if a else repr(b))
 print('.')
try:_hr({0},{1})
finally:del _hr
"""

UPLOAD_PORTABLE_OPEN = (
    """\
def _ho(p):
 import os
"""
    + _RM
    + """\
 rm(p)
 return open(p,'wb')
try:
 _hf=_ho({0})
 __import__('sys').modules['_hotaru_part']={0}
finally:del _ho
"""
)

UPLOAD_PORTABLE_CHUNK = "_hf.write({0})\n"

UPLOAD_PORTABLE_FINISH = (
    """\
def _hv(p,t,n,z):
 import os
 _hf.close()
"""
    + _COMMIT
    + """\
 commit(p,t,n,z,bytearray(512))
try:_hv({0},{1},{2},{3})
finally:
 del _hv
 __import__('sys').modules.pop('_hotaru_part',None)
 try:del _hf
 except NameError:pass
"""
)

# After a cut or cancelled upload of either kind: close the portable path's open file (and
# take _hf out of the user's globals) if there is one, and remove the temporary file. A new
# session does the same for a portable upload an earlier session left (PROBE, at connect): the
# open snippet records the temporary file's path as sys.modules['_hotaru_part'].
UPLOAD_ABORT = (
    """\
__import__('sys').modules.pop('_hotaru_part',None)
try:
 _hf.close()
 del _hf
except NameError:pass
def _ha(p):
 import os
"""
    + _RM
    + """\
 rm(p)
try:_ha({0})
finally:del _ha
"""
)


def call(template: str, *args: object) -> str:
    """Fill ``template`` with repr() of each argument (the only way values enter code)."""
    return template.format(*(repr(a) for a in args))
