"""Danish as Danes write it: "13. januar 2027 kl. 10.00" (Retskrivningsordbogen: a full stop
between hours and minutes). Django's own Danish formats write 10:00 and leave out "kl."."""

DATE_FORMAT = "j. F Y"
TIME_FORMAT = "H.i"
DATETIME_FORMAT = r"j. F Y \k\l. H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = r"d.m.Y \k\l. H.i"
