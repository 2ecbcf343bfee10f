"""The translation workflow: catalogs, translation marks, status, reports, views and new
languages.
"""
