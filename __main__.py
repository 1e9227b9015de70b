"""Entry point for ``python -m stakegraph``."""

from .cli import main

if __name__ == "__main__":
    main()
