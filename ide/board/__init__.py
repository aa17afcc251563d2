"""ide.board"""
