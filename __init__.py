"""stakegraph: a graph of people, organizations, roles and meetings from what is written about public life."""

__version__ = "0.1.0"
