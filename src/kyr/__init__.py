"""Know Your Rights L.A.: the MkDocs plugin and `kyr` command that build the bilingual site."""
