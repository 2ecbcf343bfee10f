"""Rules over pages and data: each returns problems; the build stops at the first, `kyr check`
lists all.
"""
