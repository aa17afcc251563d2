from ide.ui.main_window import MainWindow


def test_title(qtbot) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.windowTitle() == "Hotaru"
