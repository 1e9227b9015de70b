"""The local web explorer (``stakegraph serve``) and the notebook API (``stakegraph.open``).

Both show what the queries return and draw with the HTML export's drawing; they import
``queries`` and ``exports``, never a store's internals.
"""
