"""`python -m kyr.cli`."""

from kyr.cli.main import main

main()
