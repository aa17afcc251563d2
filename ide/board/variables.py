"""Board-side snippet for the Variables view: the user's globals, short, in one round trip.

Every value is shortened ON THE BOARD before it is sent: strings, bytes and bytearrays are
sliced before repr() (a 100 kB bytearray costs a few hundred bytes on the wire, and no
400 kB repr string is ever built in the board's little memory), containers show their first
few items with nested containers as ``[...]``, and every repr is cut to ``width`` characters.

``_hg(path, width)`` prints ``repr()`` of a list of rows
``(label, type name, short value, len or -1, expandable)``:

- ``path == ()``: one row per global (sorted; the helper's own name left out);
- ``path == (name, i, j, ...)``: the children of that value, reached by position (the
  i-th item of a list, tuple or set, the i-th key of a dict, the i-th attribute of an
  object), at most ``CHILDREN`` of them. Positions, not keys: any key can be walked, and
  only ints and the global's name (through repr()) enter the code.
"""

from __future__ import annotations

from ide.board.helpers import call

#: children listed when one value is expanded (a longer list ends with the rest's count)
CHILDREN = 100
#: characters of a value's short form
WIDTH = 60

# y(): built-in modules have the type "module"; a module of another kind (the simulator's lazy
# machine) is found in sys.modules. x(): whether a value has children to expand.
GLOBALS = """\
def _hg(p,m):
 import sys
 g=globals();M=list(sys.modules.values())
 C=(list,tuple,dict,set,frozenset)
 def s(v,m,d):
  t=type(v)
  if t in (str,bytes,bytearray):r=repr(v[:m])
  elif t in C:
   b='[]' if t is list else '()' if t is tuple else '{{}}'
   if not d:return b[0]+('...' if len(v) else '')+b[1]
   o=[];n=0
   for x in v:
    if n>7 or n*8>m:
     o.append('...');break
    o.append(s(x,m//3,0)+(': '+s(v[x],m//3,0) if t is dict else ''));n+=1
   r=b[0]+', '.join(o)+(',' if t is tuple and len(v)==1 else '')+b[1]
  else:
   try:r=repr(v)
   except Exception:r='?'
  return r[:m]+'...' if len(r)>m else r
 def c(v,L):
  t=type(v)
  if t is dict:i=((s(k,24,0),v[k]) for k in v)
  elif t in (list,tuple):i=(('['+str(n)+']',x) for n,x in enumerate(v))
  elif t in C:i=(('',x) for x in v)
  else:
   a=getattr(v,'__dict__',None) or {{}}
   i=((k,a[k]) for k in sorted(a))
  o=[]
  for x in i:
   if len(o)>=L:break
   o.append(x)
  return o
 def x(v):
  t=type(v)
  if t in C:return len(v)>0
  if t in (str,bytes,bytearray,int,float,bool) or v is None:return False
  return bool(getattr(v,'__dict__',None))
 def n(v):
  try:return len(v)
  except Exception:return -1
 if p:
  v=g[p[0]]
  for k in p[1:]:v=c(v,k+1)[k][1]
  e=c(v,{2})
 else:e=[(k,g[k]) for k in sorted(g) if k!='_hg']
 def y(v):
  if type(v).__name__=='module' or any(v is w for w in M):return 'module'
  return type(v).__name__
 print(repr([(k,y(v),s(v,m,1),n(v),x(v)) for k,v in e]))
try:_hg({0},{1})
finally:del _hg
"""


def globals_code(path: tuple[str | int, ...] = (), width: int = WIDTH) -> str:
    """The snippet listing the globals (``path == ()``) or the children of one value."""
    return call(GLOBALS.replace("{2}", str(CHILDREN)), tuple(path), width)
