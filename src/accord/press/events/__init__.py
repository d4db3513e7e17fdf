"""Implementation events from press coverage: cue packs per language, dates, extraction."""

from accord.press.events.extract import ExtractedEvent, extract_events
from accord.press.events.packs import event_languages, event_pack

__all__ = ["ExtractedEvent", "event_languages", "event_pack", "extract_events"]
