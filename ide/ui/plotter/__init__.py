"""View > Plotter: the numbers a program prints, drawn live."""
