"""The connection doctor: why no board appears or connecting fails, in one plain sentence
and the one thing to do (Help > Connection doctor...). Qt-free; ide/ui/doctor is its face.

    watch = PlugWatch(take_snapshot())      # then, while the user plugs the board in:
    watch.update(take_snapshot(), now); watch.verdict(now) or probe(watch.port_to_probe(now))
"""

from ide.core.doctor.probe import probe
from ide.core.doctor.verdicts import Action, Kind, Verdict
from ide.core.doctor.watch import PlugWatch, Snapshot, take_snapshot

__all__ = ["Action", "Kind", "PlugWatch", "Snapshot", "Verdict", "probe", "take_snapshot"]
