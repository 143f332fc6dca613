"""The hostile suite: every kind of hostile input or client that issue 13 named, what it
gets, and the tests that hold it to that (the list is in ``test_hostile_promises.py``, and
the README's promise table is checked against it row for row)."""
