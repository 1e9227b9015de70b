"""Entry point for ``python -m stakegraph``."""

from stakegraph.cli import main

if __name__ == "__main__":
    main()
