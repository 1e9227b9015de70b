"""Queries users ask of the graph; each runs on both stores with identical results."""
