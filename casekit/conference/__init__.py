"""The case conference without a user interface: named edits of a case, a three-way merge of two devices'
copies, the session that validates, saves and merges, the state the room view follows and the follower
that notices changes in the store.

No ipywidgets, IPython or altair here (``tests/test_layering.py``): the console and the room view
(``casekit.widgets``) are built on these modules.

========================  ======================================================================
``edits``                 ``Case -> Case`` edits (removals give ``(Case, Removed)``), ``undo``
``merge``                 ``merge(base, mine, theirs) -> MergeResult(merged, collisions)``
``session``               ``ConferenceSession``: open, change, flush, reload, resolve, undo
``room_state``            ``RoomState`` (step, timer, what is revealed), saved in the store
``follow``                ``Follower``: a change saved anywhere reaches a callback within ~0.25 s
========================  ======================================================================
"""
