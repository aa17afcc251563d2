"""The Files feature without Qt: board paths and hostile names, transfer planning, board calls."""
