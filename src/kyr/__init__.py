"""kyr: a generator of multilingual know-your-rights sites (the MkDocs plugin and the `kyr`
command). Everything about one place lives in its site's docs/, data/, translations/, overrides/
and mkdocs.yml, never here."""

__version__ = "0.2.0"  # also the top entry of CHANGELOG.md
