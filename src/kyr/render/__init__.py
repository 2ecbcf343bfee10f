"""What the plugin renders for each build: the build's state, each page's template context and
markers, and the files written once every language is built. plugin.py wires these to events.
"""
