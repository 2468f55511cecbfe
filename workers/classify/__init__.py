"""Does a text report an insurgent or terrorist attack, and what happened?"""
