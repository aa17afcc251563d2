"""Qt-free application logic shared by the UI and the tests."""
