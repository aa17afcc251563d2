"""ide.simulator"""
