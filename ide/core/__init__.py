"""Qt-free feature logic: what each feature decides, tested without Qt or a board.

Arrows point one way: ide.ui -> ide.core -> ide.board | ide.firmware | ide.simulator.
Importing anything here loads no Qt (tests/unit/test_core_layer.py checks it).
"""
