from devplan.recording.admin import ReadOnlyAdmin


class MeasureAdmin(ReadOnlyAdmin):
    """The read-only admin list of a measure kind's targets and figures (written only through the door)."""

    list_display = ["__str__", "year", "measure", "value", "revision"]
    list_filter = ["region", "year", "measure"]
