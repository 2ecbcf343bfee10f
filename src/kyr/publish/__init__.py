"""Publishing the site: `kyr build` into a staging folder swapped in when every step worked,
the summary of MkDocs' log, and the offline download.
"""
