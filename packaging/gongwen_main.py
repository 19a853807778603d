"""Entry script of the frozen app: the same `gongwen` command as the installed package."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
