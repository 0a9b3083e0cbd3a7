from home.models.languages import UILanguageReview
from home.models.pages import (
    BarometerPage,
    ContentPage,
    HomePage,
    LighthouseProjectPage,
    LoadRecord,
    PolicyPage,
)
from home.models.plain import GlossaryTerm
from home.models.policy import FocusAreaPage, GoalPage, Indicator, Measurement

__all__ = [
    "BarometerPage",
    "ContentPage",
    "FocusAreaPage",
    "GlossaryTerm",
    "GoalPage",
    "HomePage",
    "Indicator",
    "LighthouseProjectPage",
    "LoadRecord",
    "Measurement",
    "PolicyPage",
    "UILanguageReview",
]
