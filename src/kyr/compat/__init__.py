"""Every touch of Material for MkDocs, mkdocs-static-i18n and MkDocs internals, listed in
coupling.
"""
