"""Timing: the programme in time, each cohort's weeks placed on its school calendar, and the
iCalendar files made from them.
"""
