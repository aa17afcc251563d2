"""ide.firmware"""
