"""CSV files people open in a spreadsheet."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell that starts like a formula is prefixed with an apostrophe, so what someone typed
    never runs as a formula in a spreadsheet (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(values) -> list[str]:
    return [safe_cell(value) for value in values]
