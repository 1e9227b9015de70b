"""Entry point for ``python -m stakegraph`` and the ``stakegraph`` console script."""

import sys


def run() -> None:
    """Import the CLI (seconds: the press rules compile their patterns) and run it; Ctrl-C at any moment,
    loading included, ends in one line and exit 130, never a traceback (an embedded store keeps its
    last committed state: an import is one transaction)."""
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("Error: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    run()
